#!/usr/bin/env python3
"""Independent verifier of a draw-v1 evidence package (docs/draw-algorithm.md), Python 3 standard library only.
It shares no code with the application: it re-derives the seed, the selection, the teams and the amendments
from the package's files and compares them with what the package claims.
Usage: python3 verify_draw.py PACKAGE_DIR   ->  prints VERIFIED (exit 0), or the first difference (exit 1).
A public package (pool-summary.json instead of pool.csv, no conflicts.csv; section 14) is checked as far as
its files allow, and the script says which checks remain the auditors'."""
import datetime, hashlib, heapq, json, os, re, sys

QUICKNET = ('52db9ba70e0cc0f6eaf7803dd07447a1f5477735fd3f661792ba94600c84e971', 1692803367, 3)
TOKEN_BYTES = b'0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz_.-'
RULES = ['NOT_QUALIFIED', 'CONFLICT', 'LAST_INSPECTOR', 'ALREADY_IN_TEAM', 'LOAD_CAP']
sha = hashlib.sha256

class Bad(Exception):
    pass

def need(cond, message):
    if not cond:
        raise Bad(message)

def canon(v):  # RFC 8785 restricted to objects, arrays, strings and integers (section 5)
    return json.dumps(v, ensure_ascii=False, sort_keys=True, separators=(',', ':')).encode('utf-8')

def load_json(d, name):
    raw = open(os.path.join(d, name), 'rb').read()
    value = json.loads(raw.decode('utf-8'), parse_float=lambda s: need(False, name + ': no fractions allowed'))
    need(canon(value) == raw, name + ' is not in canonical JSON form')
    return value, raw

def merkle_root(rows):  # RFC 6962: leaf 0x00, node 0x01; an odd last node moves up unchanged (section 14)
    level = [sha(b'\x00' + r).digest() for r in rows] or [sha().digest()]
    while len(level) > 1:
        level = [sha(b'\x01' + level[i] + level[i + 1]).digest() for i in range(0, len(level) - 1, 2)] + level[len(level) - len(level) % 2:]
    return level[0]

def read_csv(d, name, header, committed, merkle=False):  # section 4; rows stay bytes
    raw = open(os.path.join(d, name), 'rb').read()
    need(raw.endswith(b'\n') and not raw.translate(None, TOKEN_BYTES + b',|\n'), name + ': only token characters, "," "|" and LF')
    rows = raw[:-1].split(b'\n')
    need(rows.pop(0) == header.encode(), name + ': wrong header')
    need(all(a < b for a, b in zip(rows, rows[1:])), name + ': rows not unique and in ascending byte order')
    need(sha(raw).hexdigest() == committed['sha256'] and len(rows) == committed['rows'], name + ' is not the file the plan committed to')
    need(not merkle or merkle_root(rows).hex() == committed['merkle_root'], name + ': Merkle root differs from the plan')
    width = header.count(',')
    need(all(r.count(b',') == width for r in rows), name + ': wrong number of fields')
    return rows

def derive_seed(plan, plan_hash, sources):  # section 7
    need(len(sources) == len(plan['sources']), 'sources.json: one value per declared source')
    parts = [b'draw-v1:seed:', plan_hash]
    committed = datetime.datetime.strptime(plan['committed_at'], '%Y-%m-%dT%H:%M:%SZ').replace(tzinfo=datetime.timezone.utc)
    for decl, val in zip(plan['sources'], sources):
        need(decl['kind'] == val['kind'], 'sources.json: kinds differ from the plan')
        if decl['kind'] == 'drand':
            need((decl['chain'], decl['genesis'], decl['period']) == QUICKNET and decl['delay_seconds'] >= 60, 'plan: drand source')
            rnd = (int(committed.timestamp()) + decl['delay_seconds'] - QUICKNET[1]) // QUICKNET[2] + 1
            need(decl['round'] == rnd == val['round'], 'drand round is not the round at commit time + delay: %d' % rnd)
            need(sha(bytes.fromhex(val['signature'])).hexdigest() == val['randomness'], 'drand randomness is not SHA-256(signature)')
            parts.append(bytes.fromhex(val['randomness']))
        elif decl['kind'] == 'lottery':
            nums = val['numbers']
            need(val['date'] > decl['after'], 'lottery draw not dated after ' + decl['after'])
            need(nums == sorted(set(nums)) and len(nums) == decl['count'] and 1 <= nums[0] and nums[-1] <= decl['max'], 'lottery numbers')
            parts.append(sha((''.join('%0*d.' % (len(str(decl['max'])), n) for n in nums) + '/').encode()).digest())
        else:
            need(decl['name'] == val['name'], 'witness names differ')
            need(sha(('draw-v1:witness:' + val['reveal']).encode()).hexdigest() == decl['commitment'], 'witness %s: reveal does not match its commitment' % val['name'])
            parts.append(sha(val['reveal'].encode()).digest())
    return sha(b''.join(parts)).digest()

def allocate(plan, counts, rank):  # section 9
    rule_of = lambda key: plan['sampling'][key.split('/')[plan['strata']['attributes'].index(plan['strata']['rule_attribute'])]]
    k, totals = {}, {}
    for key, n in counts.items():
        rule = rule_of(key)
        if rule['mode'] == 'total':
            totals.setdefault(id(rule), (rule, []))[1].append(key)
            continue
        p = n * rule.get('rate_bp', 0)
        x = rule['count'] if rule['mode'] == 'count' else (p + 9999) // 10000 if rule['rounding'] == 'CEIL' else (2 * p + 10000) // 20000
        k[key] = min(max(x, rule.get('min', 0)), rule.get('max', n), n)
    for rule, keys in totals.values():  # bounded largest remainder (Hamilton), equal remainders by rank alloc:<key>
        lo = {h: min(rule.get('min', 0), counts[h]) for h in keys}
        hi = {h: min(rule.get('max', counts[h]), counts[h]) for h in keys}
        total, fixed, free = max(sum(lo.values()), min(rule['total'], sum(hi.values()))), {}, list(keys)
        while free:
            m, w = total - sum(fixed.values()), sum(counts[h] for h in free)
            bound = [(h, hi[h]) for h in free if m * counts[h] > hi[h] * w] or [(h, lo[h]) for h in free if m * counts[h] < lo[h] * w]
            if not bound:
                break
            for h, b in bound:
                fixed[h] = b
                free.remove(h)
        m, w = total - sum(fixed.values()), sum(counts[h] for h in free)
        k.update(fixed)
        k.update({h: m * counts[h] // w for h in free})
        for h in sorted(free, key=lambda h: (-(m * counts[h] % w), rank('alloc', h), h))[:m - sum(k[h] for h in free)]:
            k[h] += 1
    return {key: (k[key], min(rule_of(key)['reserves'], counts[key] - k[key])) for key in counts}

class Matching:  # section 11; a group is one department's officers or its experts
    # Without conflicts.csv (the public variant) the conflicts are unknown: every choice must then be explained by
    # the other rules plus declared conflicts, whose number may not exceed the committed row count ("inferred").
    def __init__(self, plan, rank, roster, conflicts, history):
        a = self.a = plan['assignment']
        self.rank, self.groups, self.teams, self.unavailable, self.slot_prefix = rank, [], {}, set(), rank.seed + b'slot:'
        self.known, self.inferred, self.inferred_all = conflicts is not None, set(), set()
        self.conflict = {(c[1], c[0]) for c in conflicts or []}
        self.last = {(h[0], h[1]) for h in history}
        self.roster = {r[0]: (r[1], r[2], int(r[3]), set(r[4].split('|')) - {''}) for r in roster}
        need(all(v[1] in ('OFFICER', 'EXPERT') for v in self.roster.values()), 'roster.csv: kind must be OFFICER or EXPERT')
        self.prior, self.drawn = {i: v[2] for i, v in self.roster.items()}, dict.fromkeys(self.roster, 0)
        self.size, officers = 0, sum(d['officers'] for d in a['departments'])
        for d in a['departments']:
            o = d['officers'] + (max(0, a['min_officers'] - officers) if d['code'] == a['lead'] else 0)
            for kind, first, count in (('OFFICER', 0, o), ('EXPERT', o, d['experts'])):
                if count:
                    members = sorted((rank('pick', i), i) for i, v in self.roster.items() if v[:2] == (d['code'], kind) and set(d['items']) <= v[3])
                    self.groups.append({'department': d['code'], 'kind': kind, 'items': set(d['items']), 'first': first, 'count': count,
                                        'offset': self.size, 'members': [i for _, i in members], 'cap': 0})
                    self.size += count

    def slots(self, targets):  # (rank, label, target, group, j) in slot order
        labels = (('%s/%s/%d' % (t, g['department'], j), t, g, j) for t in targets for g in self.groups for j in range(g['first'], g['first'] + g['count']))
        return sorted((sha(self.slot_prefix + label.encode()).digest(), label, t, g, j) for label, t, g, j in labels)

    def at(self, g, j):
        return g['offset'] + j - g['first']

    def ok(self, g, t, i):
        return ((t, i) not in self.conflict and (t, i) not in self.inferred and (t, i) not in self.last
                and i not in self.teams[t][g['offset']:g['offset'] + g['count']])

    def takes(self, t, i, claimed):  # a candidate passing every known rule is chosen, unless conflicts are unknown and the package names another
        if self.known or i == claimed:
            return True
        self.inferred.add((t, i))
        return False

    def run(self, selected, claimed_slots=None, claimed_groups=()):
        order, reports, claimed_slots = self.slots(selected), [], claimed_slots or {}
        self.teams = {t: [None] * self.size for t in selected}
        for g in self.groups:
            gs, members = [s for s in order if s[3] is g], g['members']
            if not gs:
                continue
            if not members:
                return self.infeasible(g, gs[0])
            slacks = range(self.a['cap_slack'], self.a['max_slack'] + 1)
            if not self.known:  # only the recorded pass can be replayed: undisclosed conflicts may have stuck the earlier ones
                said = [r['slack'] for r in claimed_groups if (r.get('department'), r.get('kind')) == (g['department'], g['kind'])]
                need(said and said[0] in slacks, 'group %s/%s: no recorded pass to replay' % (g['department'], g['kind']))
                slacks = [said[0]]
            for g['slack'] in slacks:
                self.inferred.clear()
                g['cap'], stuck, heap = -(-len(gs) // len(members)) + g['slack'], None, [(self.prior[i], p) for p, i in enumerate(members)]
                heapq.heapify(heap)
                self.drawn.update(dict.fromkeys(members, 0))
                for s in gs:
                    self.teams[s[2]][self.at(g, s[4])] = None
                for s in gs:  # least loaded first, ties by position; capped entries leave the queue for good
                    skipped, chosen = [], None
                    while heap and chosen is None:
                        load, p = heapq.heappop(heap)
                        if self.drawn[members[p]] >= g['cap']:
                            continue
                        if self.ok(g, s[2], members[p]) and self.takes(s[2], members[p], claimed_slots.get(s[1])):
                            chosen = members[p]
                        else:
                            skipped.append((load, p))
                    for e in skipped:
                        heapq.heappush(heap, e)
                    if chosen is None:
                        stuck = s
                        break
                    self.drawn[chosen] += 1
                    heapq.heappush(heap, (load + 1, p))
                    self.teams[s[2]][self.at(g, s[4])] = chosen
                if stuck is None:
                    break
            if stuck is not None:
                need(self.known, 'slot %s: no choice explains %s' % (stuck[1], claimed_slots.get(stuck[1])))
                return self.infeasible(g, stuck)
            self.inferred_all |= self.inferred  # groups never share people, so one group's inferred pairs cannot affect another
            loads = [self.drawn[i] for i in members]
            reports.append({'department': g['department'], 'kind': g['kind'], 'slots': len(gs), 'inspectors': len(members),
                            'slack': g['slack'], 'cap': g['cap'], 'min_load': min(loads), 'max_load': max(loads)})
        self.inferred = self.inferred_all
        return {'status': 'assigned', 'groups': reports, 'slots': [{'target': s[2], 'department': s[3]['department'], 'slot': s[4],
                                                                    'inspector': self.teams[s[2]][self.at(s[3], s[4])]} for s in order]}

    def infeasible(self, g, s):  # section 11.6: each person under the first rule they fail
        t, counts, people, rule = s[2], dict.fromkeys(RULES, 0), 0, 'NO_INSPECTORS'
        for i, v in sorted(self.roster.items()):
            if v[:2] == (g['department'], g['kind']):
                people += 1
                r = ('NOT_QUALIFIED' if not g['items'] <= v[3] else 'CONFLICT' if (t, i) in self.conflict else 'LAST_INSPECTOR'
                     if (t, i) in self.last else 'ALREADY_IN_TEAM' if not self.ok(g, t, i) else 'LOAD_CAP')
                counts[r] += 1
                rule = r if rule == 'NO_INSPECTORS' or RULES.index(r) > RULES.index(rule) else rule
        return {'status': 'infeasible', 'department': g['department'], 'kind': g['kind'], 'target': t, 'slot': s[4], 'rule': rule,
                'inspectors': people, 'eliminated': counts}

    def pick(self, g, t, claimed=None):  # section 12: current loads, same order, same cap, never an unavailable person
        c = sorted((self.prior[i] + self.drawn[i], p, i) for p, i in enumerate(g['members'])
                   if i not in self.unavailable and self.drawn[i] < g['cap'] and self.ok(g, t, i))
        for _, _, i in c:
            if self.takes(t, i, claimed):
                return i
        raise Bad('no eligible replacement for ' + t)

def amend(m, result, claimed):  # section 12, replayed in order
    current, used, out = {x['id']: s for s in result['strata'] for x in s['selected']}, {}, []
    for a in claimed:
        e = {x: a[x] for x in ('type', 'target', 'reason', 'approver', 'recorded_at')}
        need(result['assignment']['status'] == 'assigned' and a['target'] in m.teams, 'amendment of a target without a team: ' + a['target'])
        if a['type'] == 'target':
            s = current.pop(a['target'])
            u = used[s['key']] = used.get(s['key'], -1) + 1
            need(u < len(s['reserves']), 'no reserve left in stratum ' + s['key'])
            e['replacement'], e['team'], said = s['reserves'][u]['id'], [], a.get('team') or []
            for i in m.teams.pop(a['target']):
                m.drawn[i] -= 1
            m.teams[e['replacement']], current[e['replacement']] = [None] * m.size, s
            for n, (_, _, t, g, j) in enumerate(m.slots([e['replacement']])):
                i = m.teams[t][m.at(g, j)] = m.pick(g, t, (said[n] if n < len(said) else {}).get('inspector'))
                m.drawn[i] += 1
                e['team'].append({'target': t, 'department': g['department'], 'slot': j, 'inspector': i})
        else:
            g = [g for g in m.groups if g['department'] == a['department'] and g['first'] <= a['slot'] < g['first'] + g['count']][0]
            need(m.teams[a['target']][m.at(g, a['slot'])] == a['absent'], 'amendment: %s does not hold that slot' % a['absent'])
            m.unavailable.add(a['absent'])
            e.update(department=a['department'], slot=a['slot'], absent=a['absent'], replacement=m.pick(g, a['target'], a.get('replacement')))
            m.drawn[a['absent']] -= 1
            m.drawn[e['replacement']] += 1
            m.teams[a['target']][m.at(g, a['slot'])] = e['replacement']
        out.append(e)
    return out

def verify(d):  # returns what was verified: the whole draw, or (public variant) what its files allow
    plan, plan_raw = load_json(d, 'plan.json')
    need(plan['spec'] == 'draw-v1' and plan['hash'] == 'sha-256', 'plan: unknown spec or hash')
    attrs, inputs = plan['strata']['attributes'], plan['inputs']
    full = os.path.exists(os.path.join(d, 'pool.csv'))
    strata, counts = {}, {}
    if full:
        pool = read_csv(d, 'pool.csv', 'target_id,' + ','.join(attrs) + ',excluded', inputs['pool'], True)
        for tid, key in re.findall(rb'^([^,]+),(.*),$', b'\n'.join(pool), re.M):  # eligible rows: the last field is empty
            strata.setdefault(key.decode().replace(',', '/'), []).append(tid)
        counts = {key: len(ids) for key, ids in strata.items()}
    else:  # section 14: the committed pool's digest and per-stratum counts only
        summary = load_json(d, 'pool-summary.json')[0]
        need([summary['sha256'], summary['rows'], summary['merkle_root']] == [inputs['pool'][x] for x in ('sha256', 'rows', 'merkle_root')],
             'pool-summary.json is not the pool the plan committed to')
        keys = [x['key'] for x in summary['strata']]
        need(keys == sorted(set(keys)) and all(type(x['n']) is int and x['n'] > 0 for x in summary['strata']), 'pool-summary.json: strata')
        need(sum(x['n'] for x in summary['strata']) <= summary['rows'], 'pool-summary.json: more eligible than rows')
        counts = {x['key']: x['n'] for x in summary['strata']}
    text = lambda name, header: [r.decode().split(',') for r in read_csv(d, name, header, inputs[name[:-4]])]
    roster = text('roster.csv', 'inspector_id,department,kind,prior_load,items')
    history = text('history.csv', 'target_id,inspector_id')
    conflicts = None
    if os.path.exists(os.path.join(d, 'conflicts.csv')):
        conflicts = text('conflicts.csv', 'inspector_id,target_id,reason')
    else:  # an empty file is its header alone, so its committed hash can be checked without the file
        empty = b'inspector_id,target_id,reason\n'
        if inputs['conflicts']['rows'] == 0 and sha(empty).hexdigest() == inputs['conflicts']['sha256']:
            conflicts = []
    seed = derive_seed(plan, sha(plan_raw).digest(), load_json(d, 'sources.json')[0])
    rank = lambda label, value: sha(seed + (label + ':' + value).encode()).digest()
    rank.seed = seed
    claimed_raw = open(os.path.join(d, 'result.json'), 'rb').read()
    claimed = load_json(d, 'result.json')[0] if not full or conflicts is None else None  # a large full result is compared as bytes
    quotas = allocate(plan, counts, rank)
    result, prefix, sizes = {'spec': 'draw-v1', 'plan_hash': sha(plan_raw).hexdigest(), 'seed': seed.hex(), 'strata': []}, seed + b'target:', []
    for key in sorted(quotas):  # section 10: the k lowest ranks, then the reserves
        k, r = quotas[key]
        if full:
            ids = strata[key]
        else:  # only the published ids can be ranked: they must be as many as the quota, and in rank order
            said = ([s for s in claimed.get('strata', []) if s.get('key') == key] or [{}])[0]
            ids = [x['id'].encode() for x in said.get('selected', []) + said.get('reserves', [])]
            if len(ids) != k + r or len(set(ids)) != len(ids):
                sizes.append('stratum %s: %d selected and %d reserves expected, the package lists %d ids' % (key, k, r, len(ids)))
        best = heapq.nsmallest(k + r, [(sha(prefix + i).digest(), i) for i in ids]) if k + r else []
        best = [{'id': i.decode(), 'rank': x.hex(), 'pos': p + 1} for p, (x, i) in enumerate(best)]
        result['strata'].append({'key': key, 'n': counts[key], 'k': k, 'selected': best[:k], 'reserves': best[k:]})
    if not full:  # the selection is reported before the teams that follow from it, as the result lists them
        compare(result, {x: claimed.get(x) for x in result}, 'result')
        need(not sizes, sizes and sizes[0])
    m = Matching(plan, rank, roster, conflicts, history)
    selected, teams = [x['id'] for s in result['strata'] for x in s['selected']], 'full'
    if conflicts is None and (claimed.get('assignment') or {}).get('status') != 'assigned':
        result['assignment'], teams = claimed.get('assignment'), 'none'  # an infeasibility names undisclosed conflicts
    else:
        said = (claimed or {}).get('assignment') or {}
        slots = {'%s/%s/%d' % (x['target'], x['department'], x['slot']): x['inspector'] for x in said.get('slots', [])}
        result['assignment'] = m.run(selected, slots, said.get('groups', []))
        teams = 'full' if conflicts is not None else 'inferred'
    result['digest'] = sha(canon(result)).hexdigest()
    if canon(result) != claimed_raw:  # equal bytes are canonical too
        compare(result, load_json(d, 'result.json')[0], 'result')
        raise Bad('result.json is not in canonical JSON form')
    amendments = load_json(d, 'amendments.json')[0]
    if teams == 'none':
        need(amendments == [], 'amendments of a draw without teams')
    else:
        compare(amend(m, result, amendments), amendments, 'amendments')
    need(len(m.inferred) <= inputs['conflicts']['rows'], 'the teams need %d undisclosed conflicts, the plan committed %d'
         % (len(m.inferred), inputs['conflicts']['rows']))
    if full:
        return 'VERIFIED'
    return ('VERIFIED (public variant: the plan, the seed, the allocation from the published counts and the ranks of the %d published ids; '
            'teams %s; that no unpublished candidate ranked lower needs pool.csv, the auditors\' check)'
            % (sum(len(s['selected']) + len(s['reserves']) for s in result['strata']),
               'as drawn' if teams == 'full' else 'explained with %d undisclosed conflicts, at most the %d committed'
               % (len(m.inferred), inputs['conflicts']['rows']) if teams == 'inferred' else 'not re-derived (infeasible; needs conflicts.csv)'))

def compare(expected, claimed, path):  # the first difference, in the order the result is derived
    if isinstance(expected, dict) and isinstance(claimed, dict):
        for key in list(expected) + sorted(set(claimed) - set(expected)):
            compare(expected.get(key), claimed.get(key), path + '.' + key)
    elif isinstance(expected, list) and isinstance(claimed, list):
        for i in range(max(len(expected), len(claimed))):
            compare(expected[i] if i < len(expected) else None, claimed[i] if i < len(claimed) else None, '%s[%d]' % (path, i))
    elif expected != claimed:
        raise Bad('%s: expected %s, the package has %s' % (path, json.dumps(expected, ensure_ascii=False)[:200], json.dumps(claimed, ensure_ascii=False)[:200]))

if __name__ == '__main__':
    if len(sys.argv) != 2:
        sys.exit('usage: python3 verify_draw.py PACKAGE_DIR')
    try:
        verified = verify(sys.argv[1])
    except (Bad, KeyError, ValueError, TypeError, IndexError, OSError) as ex:
        print('NOT VERIFIED: %s' % (ex if isinstance(ex, Bad) else '%s %s' % (type(ex).__name__, ex)))
        sys.exit(1)
    print(verified)
