package org.doublerandom.inspection.task;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;

/** Port: tasks. The {@code …Readable…} queries carry the reader's data scope (lead or taking part). */
public interface Tasks {

	Optional<Task> findById(Long id);

	Optional<Task> findReadable(Long id, Long departmentId);

	Page<Task> findAllByOrderByTaskYearDescSequenceNoDesc(Pageable pageable);

	Page<Task> findReadable(Long departmentId, Pageable pageable);

	List<Task> findByIdIn(Collection<Long> ids);

	boolean existsByPlanEntryId(Long planEntryId);

	Optional<Task> findByPlanEntryId(Long planEntryId);

	long countBySeriesAndTaskYear(String series, int taskYear);

	Task save(Task task);

	void flush();

}
