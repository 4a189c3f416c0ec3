-- 全程留痕, tamper-evident: every audit event gets a gap-free sequence number and a SHA-256 hash over its
-- canonical form and the previous event's hash (docs/audit-chain.md gives the form byte for byte).
--
-- The sequence is assigned by a BEFORE INSERT trigger that locks the single row of audit_chain_head
-- (SELECT ... FOR UPDATE) and advances it in the inserting transaction: concurrent writers queue on that row
-- until the first commits, so the chain cannot fork, and a rolled-back transaction leaves no gap because
-- its head update rolls back with it. A fork would also break the unique sequence number.

alter table audit_event
    add column seq       bigint,
    add column prev_hash varchar(64),
    add column hash      varchar(64);

create table audit_chain_head (
    id        smallint primary key check (id = 1),
    last_seq  bigint   not null check (last_seq >= 0),
    last_hash varchar(64) not null check (last_hash ~ '^[0-9a-f]{64}$')
);

-- one field of the canonical form: '-' for null, else "<UTF-8 byte length>:<text>"
create function audit_canonical_field(v text) returns text
    language sql immutable parallel safe as
$$
select case when v is null then '-' else octet_length(convert_to(v, 'UTF8'))::text || ':' || v end
$$;

-- the canonical form (version audit-event-v1): fixed field order, one field per line
create function audit_event_canonical(seq bigint, occurred_at timestamptz, actor text, actor_roles text,
                                      department_id bigint, action text, object_type text, object_id text,
                                      outcome text, client_address text, detail text, prev_hash text)
    returns text
    language sql stable parallel safe as
$$
select 'audit-event-v1'
           || E'\n' || audit_canonical_field(seq::text)
           || E'\n' || audit_canonical_field(to_char(occurred_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'))
           || E'\n' || audit_canonical_field(actor)
           || E'\n' || audit_canonical_field(actor_roles)
           || E'\n' || audit_canonical_field(department_id::text)
           || E'\n' || audit_canonical_field(action)
           || E'\n' || audit_canonical_field(object_type)
           || E'\n' || audit_canonical_field(object_id)
           || E'\n' || audit_canonical_field(outcome)
           || E'\n' || audit_canonical_field(client_address)
           || E'\n' || audit_canonical_field(detail)
           || E'\n' || audit_canonical_field(prev_hash)
$$;

create function audit_event_hash(seq bigint, occurred_at timestamptz, actor text, actor_roles text,
                                 department_id bigint, action text, object_type text, object_id text,
                                 outcome text, client_address text, detail text, prev_hash text)
    returns varchar(64)
    language sql stable parallel safe as
$$
select encode(sha256(convert_to(audit_event_canonical(seq, occurred_at, actor, actor_roles, department_id, action,
                                                      object_type, object_id, outcome, client_address, detail,
                                                      prev_hash), 'UTF8')), 'hex')
$$;

-- Events already written (V4) are chained in id order, the genesis predecessor being 64 zeros.
alter table audit_event disable trigger audit_event_append_only;

do
$$
    declare
        e    record;
        n    bigint   := 0;
        prev varchar(64) := repeat('0', 64);
        h    varchar(64);
    begin
        for e in select * from audit_event order by id
            loop
                n := n + 1;
                h := audit_event_hash(n, e.occurred_at, e.actor, e.actor_roles, e.department_id, e.action,
                                      e.object_type, e.object_id, e.outcome, e.client_address, e.detail, prev);
                update audit_event set seq = n, prev_hash = prev, hash = h where id = e.id;
                prev := h;
            end loop;
        insert into audit_chain_head (id, last_seq, last_hash) values (1, n, prev);
    end
$$;

alter table audit_event enable trigger audit_event_append_only;

alter table audit_event
    alter column seq set not null,
    alter column prev_hash set not null,
    alter column hash set not null,
    add constraint audit_event_seq_positive check (seq >= 1),
    add constraint audit_event_hash_hex check (hash ~ '^[0-9a-f]{64}$' and prev_hash ~ '^[0-9a-f]{64}$'),
    add constraint audit_event_seq_unique unique (seq);

create function audit_event_chain() returns trigger
    language plpgsql as
$$
declare
    head audit_chain_head%rowtype;
begin
    -- the row lock is held until commit: the next writer waits here and then reads the advanced head
    select * into strict head from audit_chain_head where id = 1 for update;
    new.seq := head.last_seq + 1;
    new.prev_hash := head.last_hash;
    new.hash := audit_event_hash(new.seq, new.occurred_at, new.actor, new.actor_roles, new.department_id,
                                 new.action, new.object_type, new.object_id, new.outcome, new.client_address,
                                 new.detail, new.prev_hash);
    update audit_chain_head set last_seq = new.seq, last_hash = new.hash where id = 1;
    return new;
end;
$$;

create trigger audit_event_chain
    before insert on audit_event
    for each row execute function audit_event_chain();

-- the head only moves forward, one event at a time, and is never removed
create function audit_chain_head_forward_only() returns trigger
    language plpgsql as
$$
begin
    if tg_op = 'UPDATE' then
        if new.id = old.id and new.last_seq = old.last_seq + 1 then
            return new;
        end if;
    end if;
    raise exception 'the audit chain head only advances by one event (% refused)', tg_op
        using errcode = 'insufficient_privilege';
end;
$$;

create trigger audit_chain_head_forward_only
    before update or delete on audit_chain_head
    for each row execute function audit_chain_head_forward_only();

create trigger audit_chain_head_no_truncate
    before truncate on audit_chain_head
    for each statement execute function audit_chain_head_forward_only();
