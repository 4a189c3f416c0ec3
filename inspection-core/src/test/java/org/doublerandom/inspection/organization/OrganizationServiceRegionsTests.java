package org.doublerandom.inspection.organization;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The regions are reference data that only migrations change (the port has no write), so the service reads them
 * once and shares one immutable list.
 */
class OrganizationServiceRegionsTests {

	final List<Region> stored = new ArrayList<>(List.of(new Region(), new Region()));

	int reads;

	final Regions port = new Regions() {

		@Override
		public List<Region> findAllByOrderBySortOrderAsc() {
			OrganizationServiceRegionsTests.this.reads++;
			return new ArrayList<>(OrganizationServiceRegionsTests.this.stored);
		}

		@Override
		public Optional<Region> findByCode(String code) {
			return Optional.empty();
		}

		@Override
		public long count() {
			return OrganizationServiceRegionsTests.this.stored.size();
		}

	};

	final OrganizationService service = new OrganizationService(this.port, null, null, null, Clock.systemUTC());

	@Test
	void theRegionsAreReadOnceAndSharedInTheirOrder() {
		List<Region> first = this.service.regions();
		List<Region> second = this.service.regions();
		assertThat(first).containsExactlyElementsOf(this.stored);
		assertThat(second).isSameAs(first);
		assertThat(this.reads).isEqualTo(1);
	}

	@Test
	void theSharedListCannotBeChangedByACaller() {
		assertThatThrownBy(() -> this.service.regions().add(new Region()))
			.isInstanceOf(UnsupportedOperationException.class);
		assertThatThrownBy(() -> this.service.regions().sort(null)).isInstanceOf(UnsupportedOperationException.class);
		assertThat(this.service.regions()).hasSize(2);
	}

}
