-- 全程留痕: every login, state change and administrator action, written in the same transaction as the
-- change it records. Append-only: the database refuses updates and deletes.

create table audit_event (
    id              bigint generated always as identity primary key,
    occurred_at     timestamptz  not null,
    actor           varchar(64)  not null,
    actor_roles     varchar(200) not null,
    department_id   bigint,
    action          varchar(64)  not null,
    object_type     varchar(64),
    object_id       varchar(64),
    outcome         varchar(16)  not null check (outcome in ('SUCCESS', 'FAILURE', 'DENIED')),
    client_address  varchar(64),
    detail          varchar(1000)
);

create index audit_event_occurred_at on audit_event (occurred_at desc);
create index audit_event_actor on audit_event (actor, occurred_at desc);

create function audit_event_append_only() returns trigger
    language plpgsql as
$$
begin
    raise exception 'audit events are append-only (% refused)', tg_op using errcode = 'insufficient_privilege';
end;
$$;

create trigger audit_event_append_only
    before update or delete on audit_event
    for each row execute function audit_event_append_only();

create trigger audit_event_no_truncate
    before truncate on audit_event
    for each statement execute function audit_event_append_only();

-- change history of one object (detail pages)
create index audit_event_object on audit_event (object_type, object_id, id desc);
