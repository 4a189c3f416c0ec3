package org.doublerandom.inspection.target.persistence;

import java.util.List;

import jakarta.persistence.EntityManager;
import org.doublerandom.inspection.target.Industries;
import org.doublerandom.inspection.target.IndustryDivision;
import org.doublerandom.inspection.target.IndustrySection;
import org.springframework.stereotype.Repository;

@Repository
class JpaIndustries implements Industries {

	private final EntityManager entityManager;

	JpaIndustries(EntityManager entityManager) {
		this.entityManager = entityManager;
	}

	@Override
	public List<IndustrySection> sections() {
		return this.entityManager.createQuery("select s from IndustrySection s order by s.code", IndustrySection.class)
			.getResultList();
	}

	@Override
	public List<IndustryDivision> divisions() {
		return this.entityManager
			.createQuery("select d from IndustryDivision d order by d.code", IndustryDivision.class)
			.getResultList();
	}

}
