package org.doublerandom.inspection.inspector.persistence;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;

import org.doublerandom.inspection.inspector.CertificateHolder;
import org.doublerandom.inspection.inspector.CertificateKind;
import org.doublerandom.inspection.inspector.Inspector;
import org.doublerandom.inspection.inspector.InspectorKind;
import org.doublerandom.inspection.inspector.InspectorStatus;
import org.doublerandom.inspection.inspector.Inspectors;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;
import org.springframework.data.repository.query.Param;

interface JpaInspectors extends Inspectors, Repository<Inspector, Long> {

	// every filter is optional: an empty string or null parameter switches its condition off
	@Override
	@Query("""
			select i from Inspector i
			where (:departmentId is null or i.departmentId = :departmentId)
			  and (:pattern = '' or lower(i.name) like :pattern escape '!'
			       or exists (select c.id from InspectorCertificate c
			                  where c.inspector = i and lower(c.number) like :pattern escape '!'))
			  and (:kind is null or i.kind = :kind)
			  and (:status is null or i.status = :status)
			  and (:regionCode = '' or i.regionCode = :regionCode)
			  and (:expertise = '' or :expertise member of i.expertise)
			  and (:certificate = ''
			       or (:certificate = 'VALID' and exists (select c.id from InspectorCertificate c
			           where c.inspector = i and c.kind in :enforcementKinds and c.validUntil >= :today))
			       or (:certificate = 'EXPIRED'
			           and i.kind = org.doublerandom.inspection.inspector.InspectorKind.OFFICER
			           and not exists (select c.id from InspectorCertificate c
			           where c.inspector = i and c.kind in :enforcementKinds and c.validUntil >= :today)))
			""")
	Page<Inspector> search(@Param("departmentId") Long departmentId, @Param("pattern") String pattern,
			@Param("kind") InspectorKind kind, @Param("status") InspectorStatus status,
			@Param("regionCode") String regionCode, @Param("expertise") String expertise,
			@Param("certificate") String certificate,
			@Param("enforcementKinds") Collection<CertificateKind> enforcementKinds, @Param("today") LocalDate today,
			Pageable pageable);

	@Override
	@Query("select distinct i from Inspector i left join fetch i.certificates where i.id in :ids")
	List<Inspector> findWithCertificatesByIdIn(@Param("ids") Collection<Long> ids);

	@Override
	@Query("select distinct i from Inspector i left join fetch i.expertise where i.id in :ids")
	List<Inspector> findWithExpertiseByIdIn(@Param("ids") Collection<Long> ids);

	@Override
	@Query("select distinct i from Inspector i left join fetch i.itemCodes where i.id in :ids")
	List<Inspector> findWithItemCodesByIdIn(@Param("ids") Collection<Long> ids);

	@Override
	@Query("""
			select new org.doublerandom.inspection.inspector.CertificateHolder(c.number, i.id, i.departmentId)
			from InspectorCertificate c join c.inspector i where c.number in :numbers""")
	List<CertificateHolder> findCertificateHolders(@Param("numbers") Collection<String> numbers);

}
