-- 结果公示 and 开放数据 at scale (1,000,000 published results): the public reads of published results by index
-- only. A notice's rows in the order of 序号 (publication time, then id) and the 序号 of one row are a range of
-- the first index; the API's newest-first list, by publication year, is the second; by department the third.
create index inspection_result_published_notice on inspection_result (task_id, department_id, published_at, id)
    where state = 'PUBLISHED';
create index inspection_result_published_recent on inspection_result (published_at desc, id desc)
    where state = 'PUBLISHED';
create index inspection_result_published_department on inspection_result (department_id, published_at desc, id desc)
    where state = 'PUBLISHED';
