-- 见证部门承诺 (docs/draw-algorithm.md §7, witness sources): before the plan is committed, an officer or manager of a
-- participating department submits SHA-256("draw-v1:witness:" ‖ reveal). At the commitment the submitted ones
-- become witness sources of the plan, in name order; the reveal is entered later as a source value
-- (draw_source_value, kind 'witness'). Once the draw is committed its witness commitments are final.

create table draw_witness (
    draw_id       bigint       not null references draw (id),
    -- the witness's name in the plan: the department's code (a token)
    name          varchar(64)  not null collate "C" check (name ~ '^[0-9A-Za-z_.-]{1,64}$'),
    commitment    varchar(64)  not null check (commitment ~ '^[0-9a-f]{64}$'),
    committed_by  varchar(64)  not null,
    committed_at  timestamptz  not null,
    primary key (draw_id, name)
);

create function draw_witness_before_commit() returns trigger
language plpgsql as $$
declare
    this_draw bigint := case when tg_op = 'DELETE' then old.draw_id else new.draw_id end;
begin
    if exists (select 1 from draw d where d.id = this_draw and d.plan_hash is not null) then
        raise exception 'draw %: witness commitments are final once the plan is committed', this_draw
            using errcode = 'integrity_constraint_violation';
    end if;
    if tg_op = 'UPDATE' and old.draw_id <> new.draw_id then
        raise exception 'draw %: a witness commitment stays with its draw', old.draw_id
            using errcode = 'integrity_constraint_violation';
    end if;
    return case when tg_op = 'DELETE' then old else new end;
end $$;

create trigger draw_witness_before_commit before insert or update or delete on draw_witness
    for each row execute function draw_witness_before_commit();

-- 开奖公告: where the operator read the lottery value (an https address on an official lottery site). It is not part
-- of the spec's value (sources.json is unchanged); the page shows it so anyone can compare.
alter table draw_source_value add column reference varchar(500)
    check (reference is null or reference ~ '^https://[^\s]+$');

-- 层计数: the eligible candidates per stratum, counted once at the freeze (a GROUP BY over a pool of millions of rows),
-- frozen with the pool like the other inputs; the commitment's sampling and the draw read it instead of recounting.
-- The draw's pass over the pool still checks every count (a stratum whose count differs stops the draw).
create table draw_stratum (
    draw_id  bigint       not null references draw (id),
    stratum  varchar(200) collate "C" not null,
    n        bigint       not null check (n > 0),
    primary key (draw_id, stratum)
);

create trigger draw_stratum_frozen before update or delete on draw_stratum
    for each row execute function draw_input_unchanged();
create trigger draw_stratum_no_late_rows after insert on draw_stratum referencing new table as new_rows
    for each statement execute function draw_input_no_late_rows();
