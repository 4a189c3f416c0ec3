#!/usr/bin/env python3
"""Independent verifier of a draw-v1 evidence package (docs/draw-algorithm.md), Python 3 standard library only.
It shares no code with the application: it re-derives the seed, the selection, the teams and the amendments
from the package's files and compares them with what the package claims.
Usage: python3 verify_draw.py PACKAGE_DIR   ->  prints VERIFIED (exit 0), or the first difference (exit 1)."""
import datetime, hashlib, heapq, json, os, re, sys

QUICKNET = ('52db9ba70e0cc0f6eaf7803dd07447a1f5477735fd3f661792ba94600c84e971', 1692803367, 3)
TOKEN = re.compile(rb'[0-9A-Za-z_.-]{1,64}')
PRINTABLE = bytes(range(0x21, 0x7f)) + b'\n'
RULES = ['NOT_QUALIFIED', 'CONFLICT', 'LAST_INSPECTOR', 'ALREADY_IN_TEAM', 'LOAD_CAP']

class Bad(Exception):
    pass

def H(*parts):
    h = hashlib.sha256()
    for p in parts:
        h.update(p)
    return h.digest()

def canon(v):  # RFC 8785 for objects, arrays, strings and integers
    return json.dumps(v, ensure_ascii=False, sort_keys=True, separators=(',', ':')).encode('utf-8')

def need(cond, message):
    if not cond:
        raise Bad(message)

def load_json(d, name):
    raw = open(os.path.join(d, name), 'rb').read()
    value = json.loads(raw.decode('utf-8'), parse_float=lambda s: need(False, name + ': no fractions allowed'))
    need(canon(value) == raw, name + ' is not in canonical JSON form')
    return value, raw

def merkle_root(leaves):  # RFC 6962: leaf 0x00, node 0x01; an odd last node moves up unchanged
    level = [H(b'\x00', x) for x in leaves]
    if not level:
        return H()
    while len(level) > 1:
        level = [H(b'\x01', level[i], level[i + 1]) if i + 1 < len(level) else level[i] for i in range(0, len(level), 2)]
    return level[0]

def read_csv(d, name, header, committed, merkle=False):
    raw = open(os.path.join(d, name), 'rb').read()
    need(raw.endswith(b'\n') and not raw.translate(None, PRINTABLE), name + ': printable ASCII lines ended by LF only')
    lines = raw[:-1].split(b'\n')
    need(lines[0] == header.encode(), name + ': wrong header')
    rows = lines[1:]
    need(all(rows[i] < rows[i + 1] for i in range(len(rows) - 1)), name + ': rows not unique and in ascending byte order')
    need(H(raw).hex() == committed['sha256'] and len(rows) == committed['rows'], name + ' is not the file the plan committed to')
    need(not merkle or merkle_root(rows).hex() == committed['merkle_root'], name + ': Merkle root differs from the plan')
    width = header.count(',') + 1
    out = []
    for r in rows:
        f = r.split(b',')
        need(len(f) == width, name + ': wrong number of fields in ' + r.decode())
        out.append([x.decode() for x in f])
    return out

def derive_seed(plan, plan_hash, sources):
    need(len(sources) == len(plan['sources']), 'sources.json: one value per declared source')
    parts = [b'draw-v1:seed:', plan_hash]
    committed = datetime.datetime.strptime(plan['committed_at'], '%Y-%m-%dT%H:%M:%SZ').replace(tzinfo=datetime.timezone.utc)
    for decl, val in zip(plan['sources'], sources):
        need(decl['kind'] == val['kind'], 'sources.json: kinds differ from the plan')
        if decl['kind'] == 'drand':
            need((decl['chain'], decl['genesis'], decl['period']) == QUICKNET, 'plan: not the drand quicknet chain')
            need(decl['delay_seconds'] >= 60, 'plan: drand delay under 60 s')
            rnd = (int(committed.timestamp()) + decl['delay_seconds'] - QUICKNET[1]) // QUICKNET[2] + 1
            need(decl['round'] == rnd == val['round'], 'drand round is not the round at commit time + delay: %d' % rnd)
            need(H(bytes.fromhex(val['signature'])).hex() == val['randomness'], 'drand randomness is not SHA-256(signature)')
            parts.append(bytes.fromhex(val['randomness']))
        elif decl['kind'] == 'lottery':
            nums = val['numbers']
            need(val['date'] > decl['after'], 'lottery draw not dated after ' + decl['after'])
            need(nums == sorted(set(nums)) and len(nums) == decl['count'] and 1 <= nums[0] and nums[-1] <= decl['max'], 'lottery numbers')
            w = len(str(decl['max']))
            parts.append(H((''.join('%0*d.' % (w, n) for n in nums) + '/').encode()))
        else:
            need(decl['name'] == val['name'], 'witness names differ')
            need(H(('draw-v1:witness:' + val['reveal']).encode()).hex() == decl['commitment'], 'witness %s: reveal does not match its commitment' % val['name'])
            parts.append(H(val['reveal'].encode()))
    return H(*parts)

def allocate(plan, counts, rank):
    rule_index = plan['strata']['attributes'].index(plan['strata']['rule_attribute'])
    k, totals = {}, {}
    for key, n in counts.items():
        cls = key.split('/')[rule_index]
        need(cls in plan['sampling'], 'no sampling rule for stratum ' + key)
        rule = plan['sampling'][cls]
        if rule['mode'] == 'total':
            totals.setdefault(cls, []).append(key)
            continue
        p = n * rule.get('rate_bp', 0)
        x = rule['count'] if rule['mode'] == 'count' else (p + 9999) // 10000 if rule['rounding'] == 'CEIL' else (2 * p + 10000) // 20000
        x = min(max(x, rule.get('min', 0)), rule.get('max', x))
        k[key] = min(x, n)
    for cls, keys in totals.items():  # bounded largest remainder (Hamilton), ties by the seeded rank alloc:<key>
        rule = plan['sampling'][cls]
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
        k.update(fixed)
        m, w = total - sum(fixed.values()), sum(counts[h] for h in free)
        for h in free:
            k[h] = m * counts[h] // w
        order = sorted(free, key=lambda h: (-(m * counts[h] % w), rank('alloc', h), h))
        for h in order[:m - sum(k[h] for h in free)]:
            k[h] += 1
    return {key: (k[key], min(plan['sampling'][key.split('/')[rule_index]]['reserves'], counts[key] - k[key])) for key in counts}

class Matching:
    def __init__(self, plan, rank, roster, conflicts, history):
        a = plan['assignment']
        self.rank, self.groups, self.teams, self.unavailable = rank, [], {}, set()
        self.conflict, self.last, self.a = {(c[1], c[0]) for c in conflicts}, {(h[0], h[1]) for h in history}, a
        self.roster = {r[0]: (r[1], r[2], int(r[3]), set(r[4].split('|')) - {''}) for r in roster}
        self.prior = {i: v[2] for i, v in self.roster.items()}
        self.drawn = dict.fromkeys(self.roster, 0)
        offset, officers = 0, sum(d['officers'] for d in a['departments'])
        for d in a['departments']:
            o = d['officers'] + (max(0, a['min_officers'] - officers) if d['code'] == a['lead'] else 0)
            for kind, first, count in (('OFFICER', 0, o), ('EXPERT', o, d['experts'])):
                if count:
                    members = sorted((rank('pick', i), i) for i, v in self.roster.items() if v[0] == d['code'] and v[1] == kind and set(d['items']) <= v[3])
                    self.groups.append({'department': d['code'], 'kind': kind, 'items': set(d['items']), 'first': first, 'count': count,
                                        'offset': offset, 'members': [i for _, i in members], 'cap': 0})
                    offset += count
        self.size = offset

    def slots(self, targets):
        s = [(self.rank('slot', '%s/%s/%d' % (t, g['department'], j)), '%s/%s/%d' % (t, g['department'], j), t, g, j)
             for t in targets for g in self.groups for j in range(g['first'], g['first'] + g['count'])]
        return sorted(s, key=lambda x: (x[0], x[1]))

    def ok(self, g, t, i):
        team = self.teams[t][g['offset']:g['offset'] + g['count']]
        return (t, i) not in self.conflict and (t, i) not in self.last and i not in team

    def run(self, selected):
        order = self.slots(selected)
        self.teams = {t: [None] * self.size for t in selected}
        reports = []
        for g in self.groups:
            gs, members = [s for s in order if s[3] is g], g['members']
            if not gs:
                continue
            if not members:
                return self.infeasible(g, gs[0])
            for slack in range(self.a['cap_slack'], self.a['max_slack'] + 1):
                g['cap'], g['slack'], stuck = -(-len(gs) // len(members)) + slack, slack, None
                heap = [(self.prior[i], p) for p, i in enumerate(members)]
                heapq.heapify(heap)
                for i in members:
                    self.drawn[i] = 0
                for s in gs:
                    self.teams[s[2]][g['offset'] + s[4] - g['first']] = None
                for s in gs:
                    skipped, chosen = [], None
                    while heap:
                        load, p = heapq.heappop(heap)
                        if self.drawn[members[p]] >= g['cap']:
                            continue
                        if self.ok(g, s[2], members[p]):
                            chosen = members[p]
                            break
                        skipped.append((load, p))
                    for e in skipped:
                        heapq.heappush(heap, e)
                    if chosen is None:
                        stuck = s
                        break
                    self.drawn[chosen] += 1
                    heapq.heappush(heap, (load + 1, p))
                    self.teams[s[2]][g['offset'] + s[4] - g['first']] = chosen
                if stuck is None:
                    break
            if stuck is not None:
                return self.infeasible(g, stuck)
            loads = [self.drawn[i] for i in members]
            reports.append({'department': g['department'], 'kind': g['kind'], 'slots': len(gs), 'inspectors': len(members),
                            'slack': g['slack'], 'cap': g['cap'], 'min_load': min(loads), 'max_load': max(loads)})
        slots = [{'target': s[2], 'department': s[3]['department'], 'slot': s[4], 'inspector': self.teams[s[2]][s[3]['offset'] + s[4] - s[3]['first']]} for s in order]
        return {'status': 'assigned', 'groups': reports, 'slots': slots}

    def infeasible(self, g, s):
        t, counts, people, rule = s[2], dict.fromkeys(RULES, 0), 0, 'NO_INSPECTORS'
        for i, v in sorted(self.roster.items()):
            if v[0] == g['department'] and v[1] == g['kind']:
                people += 1
                team = self.teams[t][g['offset']:g['offset'] + g['count']]
                r = ('NOT_QUALIFIED' if not g['items'] <= v[3] else 'CONFLICT' if (t, i) in self.conflict else
                     'LAST_INSPECTOR' if (t, i) in self.last else 'ALREADY_IN_TEAM' if i in team else 'LOAD_CAP')
                counts[r] += 1
                rule = max(rule, r, key=lambda x: -1 if x == 'NO_INSPECTORS' else RULES.index(x))
        return {'status': 'infeasible', 'department': g['department'], 'kind': g['kind'], 'target': t, 'slot': s[4], 'rule': rule,
                'inspectors': people, 'eliminated': counts}

    def pick(self, g, t):
        c = [(self.prior[i] + self.drawn[i], p, i) for p, i in enumerate(g['members'])
             if i not in self.unavailable and self.drawn[i] < g['cap'] and self.ok(g, t, i)]
        need(c, 'no eligible replacement for ' + t)
        return min(c)[2]

def verify(d):
    plan, plan_raw = load_json(d, 'plan.json')
    need(plan['spec'] == 'draw-v1' and plan['hash'] == 'sha-256', 'plan: unknown spec or hash')
    attrs, inputs = plan['strata']['attributes'], plan['inputs']
    pool = read_csv(d, 'pool.csv', 'target_id,' + ','.join(attrs) + ',excluded', inputs['pool'], True)
    roster = read_csv(d, 'roster.csv', 'inspector_id,department,kind,prior_load,items', inputs['roster'])
    conflicts = read_csv(d, 'conflicts.csv', 'inspector_id,target_id,reason', inputs['conflicts'])
    history = read_csv(d, 'history.csv', 'target_id,inspector_id', inputs['history'])
    for f in pool + conflicts + history + [r[:2] for r in roster]:
        need(all(TOKEN.fullmatch(x.encode()) for x in f if x), 'not a token in row ' + ','.join(f))
    seed = derive_seed(plan, H(plan_raw), load_json(d, 'sources.json')[0])
    base = {}
    def rank(label, value):
        h = base.get(label) or base.setdefault(label, hashlib.sha256(seed + label.encode() + b':'))
        h = h.copy()
        h.update(value.encode())
        return h.digest()
    strata = {}
    for f in pool:
        if f[-1] == '':
            strata.setdefault('/'.join(f[1:-1]), []).append(f[0])
    quotas = allocate(plan, {key: len(ids) for key, ids in strata.items()}, rank)
    result = {'spec': 'draw-v1', 'plan_hash': H(plan_raw).hex(), 'seed': seed.hex(), 'strata': []}
    for key in sorted(strata):
        k, r = quotas[key]
        best = [{'id': i, 'rank': x.hex(), 'pos': p + 1} for p, (x, i) in enumerate(heapq.nsmallest(k + r, ((rank('target', i), i) for i in strata[key])))]
        result['strata'].append({'key': key, 'n': len(strata[key]), 'k': k, 'selected': best[:k], 'reserves': best[k:]})
    m = Matching(plan, rank, roster, conflicts, history)
    result['assignment'] = m.run([x['id'] for s in result['strata'] for x in s['selected']])
    result['digest'] = H(canon(result)).hex()
    compare(result, load_json(d, 'result.json')[0], 'result')
    claimed, current, used, amended = load_json(d, 'amendments.json')[0], {}, {}, []
    for s in result['strata']:
        current.update((x['id'], s) for x in s['selected'])
    for a in claimed:
        e = {x: a[x] for x in ('type', 'target', 'reason', 'approver', 'recorded_at')}
        need(result['assignment']['status'] == 'assigned' and a['target'] in m.teams, 'amendment of a target without a team: ' + a['target'])
        if a['type'] == 'target':
            s = current.pop(a['target'])
            u = used[s['key']] = used.get(s['key'], -1) + 1
            need(u < len(s['reserves']), 'no reserve left in stratum ' + s['key'])
            e['replacement'], e['team'] = s['reserves'][u]['id'], []
            for i in m.teams.pop(a['target']):
                m.drawn[i] -= 1
            m.teams[e['replacement']], current[e['replacement']] = [None] * m.size, s
            for _, _, t, g, j in m.slots([e['replacement']]):
                i = m.teams[t][g['offset'] + j - g['first']] = m.pick(g, t)
                m.drawn[i] += 1
                e['team'].append({'target': t, 'department': g['department'], 'slot': j, 'inspector': i})
        else:
            g = [g for g in m.groups if g['department'] == a['department'] and g['first'] <= a['slot'] < g['first'] + g['count']][0]
            at = g['offset'] + a['slot'] - g['first']
            need(m.teams[a['target']][at] == a['absent'], 'amendment: %s does not hold that slot' % a['absent'])
            m.unavailable.add(a['absent'])
            e.update(department=a['department'], slot=a['slot'], absent=a['absent'], replacement=m.pick(g, a['target']))
            m.drawn[a['absent']] -= 1
            m.drawn[e['replacement']] += 1
            m.teams[a['target']][at] = e['replacement']
        amended.append(e)
    compare(amended, claimed, 'amendments')

def compare(expected, claimed, path):
    if type(expected) != type(claimed):
        raise Bad('%s: expected %s, the package has %s' % (path, json.dumps(expected)[:200], json.dumps(claimed)[:200]))
    if isinstance(expected, dict):
        for key in list(expected) + sorted(set(claimed) - set(expected)):  # in the order the result is derived
            compare(expected.get(key), claimed.get(key), path + '.' + key)
    elif isinstance(expected, list):
        for i in range(max(len(expected), len(claimed))):
            compare(expected[i] if i < len(expected) else None, claimed[i] if i < len(claimed) else None, '%s[%d]' % (path, i))
    elif expected != claimed:
        raise Bad('%s: expected %s, the package has %s' % (path, json.dumps(expected), json.dumps(claimed)))

if __name__ == '__main__':
    if len(sys.argv) != 2:
        sys.exit('usage: python3 verify_draw.py PACKAGE_DIR')
    try:
        verify(sys.argv[1])
    except (Bad, KeyError, ValueError, TypeError, IndexError, OSError) as ex:
        print('NOT VERIFIED: %s' % (ex if isinstance(ex, Bad) else '%s %s' % (type(ex).__name__, ex)))
        sys.exit(1)
    print('VERIFIED')
