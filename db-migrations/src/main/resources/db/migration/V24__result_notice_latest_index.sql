-- 结果公示 list, newest first: /public/results and its API page the notices by the date of their latest
-- publication (China Standard Time), then task code and department. An index on that date lets a page read its
-- twenty notices from the top instead of joining and sorting every notice (11.5 ms at 5,000 notices, on every
-- request of the list; docs/performance.md). timezone(text, timestamptz) and the cast to date are immutable.
create index result_notice_latest on result_notice (((last_published_at at time zone 'Asia/Shanghai')::date) desc);
