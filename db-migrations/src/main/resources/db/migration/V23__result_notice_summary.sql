-- 结果公示 list at scale: one row per notice (task × inspecting department) with its number of published results
-- and the latest publication, kept by statement-level triggers, so that /public/results pages and counts notices
-- instead of grouping every published result on each request (seconds at 1,000,000 results).
-- The triggers add and subtract per statement (transition tables), never recount: two transactions publishing
-- into the same notice at once both count, since the increment runs under the summary row's lock.
create table result_notice (
    task_id           bigint      not null references task (id) on delete cascade,
    department_id     bigint      not null references department (id) on delete cascade,
    published_count   integer     not null check (published_count > 0),
    last_published_at timestamptz not null,
    primary key (task_id, department_id)
);

-- one notice's change: published rows that arrived (delta > 0, with their latest publication) or left
create function result_notice_change(p_task bigint, p_department bigint, p_delta integer, p_latest timestamptz)
    returns void language plpgsql as $$
begin
    if p_delta > 0 then
        insert into result_notice as n (task_id, department_id, published_count, last_published_at)
        values (p_task, p_department, p_delta, p_latest)
        on conflict (task_id, department_id) do update
            set published_count = n.published_count + excluded.published_count,
                last_published_at = greatest(n.last_published_at, excluded.last_published_at);
    elsif p_delta < 0 then
        -- PUBLISHED is final in the application; this keeps the table true for any SQL that removes one
        update result_notice set published_count = published_count + p_delta
        where task_id = p_task and department_id = p_department and published_count + p_delta > 0;
        if found then
            update result_notice set last_published_at = (select max(r.published_at) from inspection_result r
                where r.task_id = p_task and r.department_id = p_department and r.state = 'PUBLISHED')
            where task_id = p_task and department_id = p_department;
        else
            delete from result_notice where task_id = p_task and department_id = p_department;
        end if;
    end if;
end $$;

create function result_notice_inserted() returns trigger language plpgsql as $$
declare c record;
begin
    for c in select task_id, department_id, count(*)::integer as n, max(published_at) as latest from new_rows
             where state = 'PUBLISHED' group by task_id, department_id order by task_id, department_id loop
        perform result_notice_change(c.task_id, c.department_id, c.n, c.latest);
    end loop;
    return null;
end $$;

create function result_notice_updated() returns trigger language plpgsql as $$
declare c record;
begin
    -- in key order, so that two statements touching the same notices take their row locks in the same order
    for c in select task_id, department_id, sum(n)::integer as n, max(latest) as latest from (
                 select task_id, department_id, 1 as n, published_at as latest from new_rows where state = 'PUBLISHED'
                 union all
                 select task_id, department_id, -1, null from old_rows where state = 'PUBLISHED') x
             group by task_id, department_id order by task_id, department_id loop
        perform result_notice_change(c.task_id, c.department_id, c.n, c.latest);
    end loop;
    return null;
end $$;

create function result_notice_deleted() returns trigger language plpgsql as $$
declare c record;
begin
    for c in select task_id, department_id, -count(*)::integer as n from old_rows
             where state = 'PUBLISHED' group by task_id, department_id order by task_id, department_id loop
        perform result_notice_change(c.task_id, c.department_id, c.n, null);
    end loop;
    return null;
end $$;

create trigger result_notice_insert after insert on inspection_result
    referencing new table as new_rows for each statement execute function result_notice_inserted();
create trigger result_notice_update after update on inspection_result
    referencing old table as old_rows new table as new_rows for each statement execute function result_notice_updated();
create trigger result_notice_delete after delete on inspection_result
    referencing old table as old_rows for each statement execute function result_notice_deleted();

insert into result_notice (task_id, department_id, published_count, last_published_at)
select task_id, department_id, count(*), max(published_at) from inspection_result where state = 'PUBLISHED'
group by task_id, department_id;
