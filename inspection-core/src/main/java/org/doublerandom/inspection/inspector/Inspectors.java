package org.doublerandom.inspection.inspector;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;

/** Port: the inspector registry (执法检查人员名录库). */
public interface Inspectors {

	Optional<Inspector> findById(Long id);

	/** The department data scope: empty when the inspector belongs to another department. */
	Optional<Inspector> findByIdAndDepartmentId(Long id, Long departmentId);

	/**
	 * One page of the registry. {@code departmentId} {@code null} searches every department; {@code pattern} is a
	 * lower-case LIKE pattern escaped with {@code !} matched against the name and the certificate numbers, empty
	 * for any; {@code certificate} is a {@link CertificateFilter} name or empty, judged on {@code today} with the
	 * given enforcement certificate kinds.
	 */
	Page<Inspector> search(Long departmentId, String pattern, InspectorKind kind, InspectorStatus status,
			String regionCode, String expertise, String certificate, Collection<CertificateKind> enforcementKinds,
			LocalDate today, Pageable pageable);

	/** The inspectors with their certificates and expertise loaded, for a page of the list. */
	List<Inspector> findWithCertificatesByIdIn(Collection<Long> ids);

	List<Inspector> findWithExpertiseByIdIn(Collection<Long> ids);

	List<Inspector> findWithItemCodesByIdIn(Collection<Long> ids);

	boolean existsByCertificatesNumber(String number);

	/** Who holds certificates of these numbers, in any department (the numbers are unique in the registry). */
	List<CertificateHolder> findCertificateHolders(Collection<String> numbers);

	boolean existsByUserAccountIdAndIdNot(Long userAccountId, Long id);

	boolean existsByUserAccountId(Long userAccountId);

	boolean existsByDepartmentIdAndName(Long departmentId, String name);

	long count();

	Inspector save(Inspector inspector);

}
