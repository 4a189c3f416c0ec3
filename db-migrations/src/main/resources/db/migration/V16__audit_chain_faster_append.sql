-- 全程留痕, faster: the chain trigger of V11 spent most of the time it held the chain-head lock in the SQL
-- functions audit_event_hash / audit_event_canonical / audit_canonical_field (SQL-language functions are run
-- through the function executor on every call). The head lock is held until commit, so that time was
-- serialised across all writers (docs/performance.md#audit-chain-issue-8).
--
-- This version writes the same canonical form (audit-event-v1, docs/audit-chain.md) inline in PL/pgSQL, and
-- builds the ten fields that do not depend on the chain (time to detail) BEFORE it takes the lock; under the
-- lock it only adds the sequence number and the previous hash and applies sha256(). Everything else is as in
-- V11: the same lock (SELECT ... FOR UPDATE on the one row of audit_chain_head, held until commit), the same
-- head update (still checked by audit_chain_head_forward_only), the same transaction. The SQL functions stay:
-- the verification, the tests and the migration of old events use them, and the tests compare the two.

create or replace function audit_event_chain() returns trigger
    language plpgsql as
$$
declare
    head audit_chain_head%rowtype;
    fixed text;
    at text;
begin
    -- fields 2 to 11 of the canonical form, each '-' for null or "<UTF-8 byte length>:<text>"
    at := to_char(new.occurred_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"');
    fixed := E'\n' || case when at is null then '-' else octet_length(convert_to(at, 'UTF8')) || ':' || at end
        || E'\n' || case when new.actor is null then '-'
                         else octet_length(convert_to(new.actor, 'UTF8')) || ':' || new.actor end
        || E'\n' || case when new.actor_roles is null then '-'
                         else octet_length(convert_to(new.actor_roles, 'UTF8')) || ':' || new.actor_roles end
        || E'\n' || case when new.department_id is null then '-'
                         else octet_length(new.department_id::text) || ':' || new.department_id::text end
        || E'\n' || case when new.action is null then '-'
                         else octet_length(convert_to(new.action, 'UTF8')) || ':' || new.action end
        || E'\n' || case when new.object_type is null then '-'
                         else octet_length(convert_to(new.object_type, 'UTF8')) || ':' || new.object_type end
        || E'\n' || case when new.object_id is null then '-'
                         else octet_length(convert_to(new.object_id, 'UTF8')) || ':' || new.object_id end
        || E'\n' || case when new.outcome is null then '-'
                         else octet_length(convert_to(new.outcome, 'UTF8')) || ':' || new.outcome end
        || E'\n' || case when new.client_address is null then '-'
                         else octet_length(convert_to(new.client_address, 'UTF8')) || ':' || new.client_address end
        || E'\n' || case when new.detail is null then '-'
                         else octet_length(convert_to(new.detail, 'UTF8')) || ':' || new.detail end;
    -- the row lock is held until commit: the next writer waits here and then reads the advanced head
    select * into strict head from audit_chain_head where id = 1 for update;
    new.seq := head.last_seq + 1;
    new.prev_hash := head.last_hash;
    new.hash := encode(sha256(convert_to('audit-event-v1' || E'\n' || octet_length(new.seq::text) || ':' || new.seq::text
        || fixed || E'\n' || octet_length(convert_to(new.prev_hash, 'UTF8')) || ':' || new.prev_hash, 'UTF8')), 'hex');
    update audit_chain_head set last_seq = new.seq, last_hash = new.hash where id = 1;
    return new;
end;
$$;
