package org.doublerandom.inspection.result;

import java.util.List;
import java.util.function.Consumer;

import org.doublerandom.inspection.shared.DomainException;
import org.doublerandom.inspection.shared.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 开放数据 of the results, for anyone without an account: only published results (an unpublished one is "not
 * found", as on the pages). The downloads stream inside this read-only transaction, which the database cursor
 * needs.
 */
@Service
@Transactional(readOnly = true)
public class OpenResultService {

	/** Results on a page of the API. */
	public static final int PAGE_SIZE = 50;

	/** The deepest page of the API (100,000 results); the downloads hold everything. */
	public static final int MAX_PAGE = 1_999;

	/** One page of the API, read one row beyond the page to know whether another follows. */
	public record Page(int page, int size, boolean hasNext, List<OpenResults.Line> results) {
	}

	private final OpenResults results;

	private final Terms terms;

	public OpenResultService(OpenResults results, Terms terms) {
		this.results = results;
		this.terms = terms;
	}

	/** 检查结果 categories, retired ones too, for the labels. */
	public List<Terms.Term> categories() {
		return this.terms.terms(Terms.RESULT_CATEGORY);
	}

	public OpenResults.Version version() {
		return this.results.version();
	}

	public void each(Consumer<OpenResults.Line> sink) {
		this.results.each(sink);
	}

	public void eachItem(Consumer<OpenResults.ItemLine> sink) {
		this.results.eachItem(sink);
	}

	public Page page(OpenResults.Filter filter, Integer page) {
		// the year's bounds are the public listings' (a refusal at the year, as on the other lists)
		new org.doublerandom.inspection.shared.PublicListFilter(filter.departmentId(), filter.year(), null);
		int current = (page == null) ? 0 : page;
		if (current < 0 || current > MAX_PAGE) {
			throw new DomainException("result.open.page", "page", MAX_PAGE);
		}
		List<OpenResults.Line> rows = this.results.page(filter, current * PAGE_SIZE, PAGE_SIZE + 1);
		boolean more = rows.size() > PAGE_SIZE;
		return new Page(current, PAGE_SIZE, more, more ? rows.subList(0, PAGE_SIZE) : rows);
	}

	public OpenResults.Line one(long resultId) {
		return this.results.one(resultId).orElseThrow(() -> new NotFoundException("result", resultId));
	}

	public List<OpenResults.ItemLine> items(long resultId) {
		return this.results.items(resultId);
	}

}
