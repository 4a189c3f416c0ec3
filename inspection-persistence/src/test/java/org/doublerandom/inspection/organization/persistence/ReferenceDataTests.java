package org.doublerandom.inspection.organization.persistence;

import org.doublerandom.inspection.organization.Department;
import org.doublerandom.inspection.organization.Departments;
import org.doublerandom.inspection.organization.RegionLevel;
import org.doublerandom.inspection.organization.Regions;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.jpa.test.autoconfigure.DataJpaTest;

import static org.assertj.core.api.Assertions.assertThat;

@DataJpaTest
class ReferenceDataTests {

	@Autowired
	Regions regions;

	@Autowired
	Departments departments;

	@Test
	void ordosAndItsNineBannersAndDistrictsAreSeededWithTheirGbt2260Codes() {
		var all = this.regions.findAllByOrderBySortOrderAsc();
		assertThat(all).hasSize(10);
		assertThat(all.get(0).getCode()).isEqualTo("150600");
		assertThat(all.get(0).getLevel()).isEqualTo(RegionLevel.CITY);
		assertThat(all.stream().filter(r -> r.getLevel() == RegionLevel.COUNTY))
			.extracting(r -> r.getCode())
			.containsExactly("150602", "150603", "150621", "150622", "150623", "150624", "150625", "150626",
					"150627");
	}

	@Test
	void everyMemberUnitOfTheJointConferenceIsSeededAndOnlyTheMarketRegulationBureauCoordinates() {
		var all = this.departments.findAllByOrderByRegionCodeAscSortOrderAscIdAsc();
		assertThat(all).hasSize(35);
		assertThat(all).filteredOn(Department::isCoordinator)
			.extracting(Department::getName)
			.containsExactly("鄂尔多斯市市场监督管理局");
		assertThat(all).extracting(Department::getName).contains("鄂尔多斯海关", "中国人民银行鄂尔多斯市中心支行",
				"鄂尔多斯市气象局", "鄂尔多斯市消防救援支队");
		assertThat(this.departments.countByEnforcingTrueAndActiveTrue()).isEqualTo(34);
	}

}
