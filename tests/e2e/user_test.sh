#!/usr/bin/env bash
# loa user add|passwd|remove|list through the command line: the password read from a
# pipe (one line) and asked twice on a terminal (script(1) gives it one), refusals
# that name what to do and change nothing, only an argon2id hash in loa.db, and every
# change in the station's actions.
#
#   bash tests/e2e/user_test.sh LOA
set -uo pipefail
(($# == 1)) || { echo "usage: $0 LOA" >&2; exit 2; }
loa=$1
# shellcheck source-path=SCRIPTDIR source=../support/e2e_helpers.sh
source "$(dirname -- "${BASH_SOURCE[0]}")/../support/e2e_helpers.sh"
e2e_work e2e-user
# typed INPUT COMMAND...: COMMAND with INPUT on its standard input.
typed() { local input=$1; shift; "$@" <<<"$input"; }
# on_terminal INPUT COMMAND: COMMAND on a pseudo-terminal that INPUT is typed into.
on_terminal() { printf '%s' "$1" | script -qec "$2" /dev/null; }
q() { sqlite3 "$home/loa.db" "$1"; }

expect 0 "init" -- "$loa" --home "$home" init --code E2E-US
expect 0 "an operator, the password on standard input" -- typed "mật khẩu tốt" "$loa" --home "$home" user add nguyen.van.a --role operator
contains "$work/out" "user nguyen.van.a added (operator)" "... says so"
expect 0 "a viewer, on a terminal: asked twice" -- on_terminal $'mat-khau-9\nmat-khau-9\n' "$loa --home $home user add thanh.tra --role viewer"
contains "$work/out" "the same password again:" "... asked again"
expect 1 "two different passwords on a terminal are refused" -- on_terminal $'mat-khau-9\nkhac-nhau-9\n' "$loa --home $home user add khac --role viewer"
contains "$work/out" "the two passwords differ; nothing was changed" "... and nothing changed"
expect 1 "a short password is refused" -- typed "ngan" "$loa" --home "$home" user add b --role viewer
contains "$work/err" "use at least 8 characters" "... saying how long"
expect 1 "no password at all is refused" -- "$loa" --home "$home" user add b --role viewer </dev/null
expect 1 "a name with capitals is refused before any password is asked" -- "$loa" --home "$home" user add Nguyen --role viewer </dev/null
contains "$work/err" "cannot be a user name: use 1 to 32 lowercase" "... naming the rule"
expect 1 "an existing name is refused" -- typed "12345678" "$loa" --home "$home" user add thanh.tra --role operator
contains "$work/err" "'loa user passwd thanh.tra' sets a new password" "... saying what to do"
expect 2 "an unknown role is a usage error" -- "$loa" --home "$home" user add c --role admin </dev/null
expect 2 "--role is required" -- "$loa" --home "$home" user add c </dev/null
expect 1 "passwd of an unknown user" -- typed "12345678" "$loa" --home "$home" user passwd nobody
contains "$work/err" "there is no user 'nobody'; 'loa user list' shows the users" "... saying where to look"
expect 1 "remove of an unknown user" -- "$loa" --home "$home" user remove nobody
[[ $(q "SELECT group_concat(name) FROM users") == "nguyen.van.a,thanh.tra" ]] && ok "the refusals stored no user" || bad "users: $(q 'SELECT group_concat(name) FROM users')"

hash=$(q "SELECT password_hash FROM users WHERE name = 'nguyen.van.a'")
[[ $hash == '$argon2id$'* ]] && ok "the password is kept as an argon2id hash" || bad "password_hash '$hash'"
if grep -aq "mật khẩu tốt" "$home"/loa.db*; then bad "the password is in loa.db's files"; else ok "the password itself is nowhere in loa.db's files"; fi
before=$(q "SELECT password_changed_at FROM users WHERE name = 'thanh.tra'")
expect 0 "passwd" -- typed "mat-khau-moi" "$loa" --home "$home" user passwd thanh.tra
[[ $(q "SELECT password_hash FROM users WHERE name = 'thanh.tra'") != "$(q "SELECT password_hash FROM users WHERE name = 'nguyen.van.a'")" ]] && ok "each hash has its own salt" || bad "two hashes are equal"
[[ $(q "SELECT password_changed_at FROM users WHERE name = 'thanh.tra'") != "$before" ]] && ok "passwd records when" || bad "password_changed_at unchanged"
expect 0 "list" -- "$loa" --home "$home" user list
contains "$work/out" "thanh.tra	viewer" "... with roles"
expect 0 "list --json" -- "$loa" --home "$home" user list --json
json_check "$work/out" "[u['name'] for u in j] == ['nguyen.van.a', 'thanh.tra'] and j[0]['role'] == 'operator' and 'password_hash' not in j[0]" "... as JSON, without the hashes"
expect 0 "remove" -- "$loa" --home "$home" user remove nguyen.van.a
[[ $(q "SELECT group_concat(action || ' ' || detail, '; ') FROM actions ORDER BY action_id") == "user.add nguyen.van.a (operator); user.add thanh.tra (viewer); user.passwd thanh.tra; user.remove nguyen.van.a" ]] &&
    ok "every change is in the actions" || bad "actions: $(q "SELECT group_concat(action || ' ' || detail, '; ') FROM actions")"
[[ $(q "SELECT DISTINCT user || '@' || address FROM actions") == "$(id -un)@local" ]] && ok "... by the system user, at the command line" || bad "actors: $(q 'SELECT DISTINCT user, address FROM actions')"
e2e_summary
