package org.doublerandom.inspection.plan.persistence;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.doublerandom.inspection.plan.CreditBand;
import org.doublerandom.inspection.plan.ScopeCounts;
import org.doublerandom.inspection.plan.TargetScope;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * An entry's scope over the registry as one grouped count per credit class. Every filter is a bound
 * parameter; the filters the registry list indexes (region, credit class, industry section) narrow the scan,
 * the rest are tested per row (docs/performance.md has the time on 2,000,000 targets).
 */
@Repository
public class JdbcScopeCounts implements ScopeCounts {

	private final NamedParameterJdbcTemplate jdbc;

	JdbcScopeCounts(NamedParameterJdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public Map<CreditBand, Long> countByBand(TargetScope scope, Exclusion exclusion) {
		MapSqlParameterSource params = new MapSqlParameterSource();
		String where = where(scope, exclusion, params);
		Map<CreditBand, Long> counts = new EnumMap<>(CreditBand.class);
		for (CreditBand band : CreditBand.values()) {
			counts.put(band, 0L);
		}
		this.jdbc.query("select coalesce(t.credit_class, 'NONE') as band, count(*) as n from target t" + where
				+ " group by 1", params, rs -> {
					counts.put(CreditBand.valueOf(rs.getString("band")), rs.getLong("n"));
				});
		return counts;
	}

	public static String where(TargetScope scope, Exclusion exclusion, MapSqlParameterSource params) {
		List<String> clauses = new ArrayList<>();
		if (!scope.kinds().isEmpty()) {
			clauses.add("t.kind in (:kinds)");
			params.addValue("kinds", names(scope.kinds()));
		}
		if (!scope.regionCodes().isEmpty()) {
			// a city's code covers its banners and districts
			clauses.add("(t.region_code in (:regions) or t.region_code in "
					+ "(select r.code from region r where r.parent_code in (:regions)))");
			params.addValue("regions", List.copyOf(scope.regionCodes()));
		}
		if (!scope.industryCodes().isEmpty()) {
			List<String> sections = scope.industryCodes().stream().filter(c -> c.length() == 1).toList();
			List<String> divisions = scope.industryCodes().stream().filter(c -> c.length() == 2).toList();
			List<String> either = new ArrayList<>();
			if (!sections.isEmpty()) {
				either.add("t.industry_section_code in (:sections)");
				params.addValue("sections", sections);
			}
			if (!divisions.isEmpty()) {
				either.add("t.industry_division_code in (:divisions)");
				params.addValue("divisions", divisions);
			}
			clauses.add("(" + String.join(" or ", either) + ")");
		}
		if (!scope.creditBands().isEmpty()) {
			List<String> classes = scope.creditBands().stream().filter(b -> b != CreditBand.NONE).map(Enum::name).toList();
			List<String> either = new ArrayList<>();
			if (!classes.isEmpty()) {
				either.add("t.credit_class in (:classes)");
				params.addValue("classes", classes);
			}
			if (scope.creditBands().contains(CreditBand.NONE)) {
				either.add("t.credit_class is null");
			}
			clauses.add("(" + String.join(" or ", either) + ")");
		}
		if (!scope.statuses().isEmpty()) {
			clauses.add("t.status in (:statuses)");
			params.addValue("statuses", names(scope.statuses()));
		}
		if (scope.keySupervisionOnly()) {
			clauses.add("t.key_supervision");
		}
		if (!scope.tags().isEmpty()) {
			// every tag named: the tagged targets are gathered once through the tag index (a per-row count
			// took 1.4 s over 200,000 candidates, docs/performance.md)
			clauses.add("t.id in (select g.target_id from target_tag g where g.tag in (:tags) group by g.target_id "
					+ "having count(*) = :tagCount)");
			params.addValue("tags", List.copyOf(scope.tags())).addValue("tagCount", scope.tags().size());
		}
		if (!scope.licences().isEmpty()) {
			// every licence named (专项库), held under that name
			clauses.add("t.id in (select l.target_id from target_licence l where l.name in (:licences) "
					+ "group by l.target_id having count(distinct l.name) = :licenceCount)");
			params.addValue("licences", List.copyOf(scope.licences())).addValue("licenceCount", scope.licences().size());
		}
		if (exclusion != null && exclusion.isActive()) {
			clauses.add("not exists (select 1 from target_item_inspection i where i.target_id = t.id "
					+ "and i.last_inspected_on >= :since and (i.department_id || ':' || i.item_code) in (:itemKeys))");
			params.addValue("since", exclusion.inspectedSince()).addValue("itemKeys",
					List.copyOf(exclusion.departmentItemCodes()));
		}
		return clauses.isEmpty() ? "" : " where " + String.join(" and ", clauses);
	}

	private static List<String> names(Set<? extends Enum<?>> values) {
		return values.stream().map(Enum::name).sorted().collect(Collectors.toList());
	}

}
