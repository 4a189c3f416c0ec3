-- Accounts at 等保 2.0 level 3 (身份鉴别 a, b, d): password history against reuse, sign-in failures and
-- lockout, and the administrators' second factor (TOTP).

-- 口令历史: every password hash an account has had, newest last. The service compares a new password with
-- the newest N of them through the password encoder (hashes are salted, so equality in SQL means nothing).
create table password_history (
    id               bigint generated always as identity primary key,
    user_account_id  bigint       not null references user_account (id) on delete cascade,
    password_hash    varchar(200) not null check (password_hash ~ '^\{[a-z0-9]+\}'),
    set_at           timestamptz  not null
);

create index password_history_account on password_history (user_account_id, id desc);

-- The accounts that exist before this migration start their history with their current password.
insert into password_history (user_account_id, password_hash, set_at)
select id, password_hash, password_changed_at from user_account;

-- 登录失败处理: consecutive failures within a window and the time until which the account is locked. Kept
-- apart from user_account so that a failed sign-in never races an administrator's change of the account
-- (user_account carries an optimistic-lock version) and is updated by one atomic statement.
create table sign_in_failure (
    user_account_id   bigint      primary key references user_account (id) on delete cascade,
    failures          integer     not null check (failures >= 0),
    window_started_at timestamptz not null,
    locked_until      timestamptz
);

-- 双因素认证: the TOTP secret of an account (RFC 6238), sealed with AES-GCM by the application; the key
-- never enters the database. last_used_step refuses a code used before (replay).
create table account_totp (
    user_account_id  bigint       primary key references user_account (id) on delete cascade,
    sealed_secret    varchar(200) not null,
    enrolled_at      timestamptz  not null,
    last_used_step   bigint       not null default 0
);
