// 浏览器内复算抽取: re-derives a draw-v1 evidence package (docs/draw-algorithm.md) with Web Crypto, sharing no
// code with the server. A port of verifier/verify_draw.py: same order of checks, same first difference.
// Integers that decide anything are exact (BigInt or safe integers); no floating point decides an outcome.
(function (global) {
  'use strict';

  var QUICKNET = { chain: '52db9ba70e0cc0f6eaf7803dd07447a1f5477735fd3f661792ba94600c84e971', genesis: 1692803367, period: 3 };
  var TOKEN = /^[0-9A-Za-z_.-]*$/;
  var CSV_BYTES = /^[0-9A-Za-z_.,|\n-]*$/;
  var RULES = ['NOT_QUALIFIED', 'CONFLICT', 'LAST_INSPECTOR', 'ALREADY_IN_TEAM', 'LOAD_CAP'];
  var utf8 = new TextEncoder();

  // a refusal: a message key of the page's bundle and its arguments
  function Bad(key, args) {
    this.key = key;
    this.args = args || [];
  }

  function need(condition, key) {
    if (!condition) {
      throw new Bad(key, Array.prototype.slice.call(arguments, 2));
    }
  }

  function concat(parts) {
    var length = 0, offset = 0;
    parts.forEach(function (p) { length += p.length; });
    var out = new Uint8Array(length);
    parts.forEach(function (p) { out.set(p, offset); offset += p.length; });
    return out;
  }

  function hex(bytes) {
    var s = '';
    for (var i = 0; i < bytes.length; i++) {
      s += (bytes[i] < 16 ? '0' : '') + bytes[i].toString(16);
    }
    return s;
  }

  function fromHex(s, what) {
    need(typeof s === 'string' && /^([0-9a-f]{2})*$/.test(s), 'badValue', what);
    var out = new Uint8Array(s.length / 2);
    for (var i = 0; i < out.length; i++) {
      out[i] = parseInt(s.substr(2 * i, 2), 16);
    }
    return out;
  }

  function sameBytes(a, b) {
    if (a.length !== b.length) {
      return false;
    }
    for (var i = 0; i < a.length; i++) {
      if (a[i] !== b[i]) {
        return false;
      }
    }
    return true;
  }

  async function sha(bytes) {
    return new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
  }

  // many digests at once, in slices, so a large pool neither blocks the page nor holds a million promises
  async function shaAll(messages) {
    var out = new Array(messages.length);
    for (var start = 0; start < messages.length; start += 4096) {
      var slice = messages.slice(start, start + 4096);
      var digests = await Promise.all(slice.map(sha));
      for (var i = 0; i < digests.length; i++) {
        out[start + i] = digests[i];
      }
    }
    return out;
  }

  // §5: RFC 8785 restricted to objects, arrays, strings and safe integers
  function canon(v) {
    if (typeof v === 'string') {
      return JSON.stringify(v);
    }
    if (typeof v === 'number') {
      need(Number.isSafeInteger(v), 'badValue', String(v));
      return String(v);
    }
    if (Array.isArray(v)) {
      return '[' + v.map(canon).join(',') + ']';
    }
    need(v !== null && typeof v === 'object', 'badValue', String(v));
    return '{' + Object.keys(v).sort().map(function (k) { return JSON.stringify(k) + ':' + canon(v[k]); }).join(',') + '}';
  }

  function file(files, name) {
    need(files[name] instanceof Uint8Array, 'missingFile', name);
    return files[name];
  }

  function loadJson(files, name) {
    var raw = file(files, name), value;
    try {
      value = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(raw));
    } catch (e) {
      throw new Bad('notCanonical', [name]);
    }
    var again;
    try {
      again = utf8.encode(canon(value));
    } catch (e) {
      throw new Bad('notCanonical', [name]);
    }
    need(sameBytes(again, raw), 'notCanonical', name);
    return { value: value, raw: raw };
  }

  // §14: RFC 6962 leaf 0x00, node 0x01; an odd last node moves up unchanged
  async function merkleRoot(rows) {
    var level = rows.length ? await shaAll(rows.map(function (r) { return concat([new Uint8Array([0]), utf8.encode(r)]); }))
      : [await sha(new Uint8Array(0))];
    while (level.length > 1) {
      var pairs = [];
      for (var i = 0; i + 1 < level.length; i += 2) {
        pairs.push(concat([new Uint8Array([1]), level[i], level[i + 1]]));
      }
      var next = await shaAll(pairs);
      if (level.length % 2) {
        next.push(level[level.length - 1]);
      }
      level = next;
    }
    return level[0];
  }

  // §4: canonical CSV, checked against the plan's hash and row count; rows stay text (ASCII only)
  async function readCsv(files, name, header, committed, merkle) {
    var raw = file(files, name);
    var text = new TextDecoder('latin1').decode(raw);
    need(raw.length > 0 && raw[raw.length - 1] === 10 && CSV_BYTES.test(text), 'csvCharacters', name);
    var rows = text.slice(0, -1).split('\n');
    need(rows.shift() === header, 'csvHeader', name);
    for (var i = 1; i < rows.length; i++) {
      need(rows[i - 1] < rows[i], 'csvOrder', name);
    }
    need(committed && hex(await sha(raw)) === committed.sha256 && rows.length === committed.rows, 'inputHash', name);
    if (merkle) {
      need(hex(await merkleRoot(rows)) === committed.merkle_root, 'merkleRoot', name);
    }
    var width = header.split(',').length;
    need(rows.every(function (r) { return r.split(',').length === width; }), 'csvFields', name);
    return rows;
  }

  function unixSeconds(text) {
    var m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})Z$/.exec(text);
    need(m, 'badValue', 'committed_at');
    return BigInt(Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4], +m[5], +m[6]) / 1000);
  }

  // §7
  async function deriveSeed(plan, planHash, sources) {
    need(Array.isArray(sources) && sources.length === plan.sources.length, 'sourceCount');
    var parts = [utf8.encode('draw-v1:seed:'), planHash];
    var committed = unixSeconds(plan.committed_at);
    for (var n = 0; n < sources.length; n++) {
      var decl = plan.sources[n], val = sources[n];
      need(decl.kind === val.kind, 'sourceKind', n + 1);
      if (decl.kind === 'drand') {
        need(decl.chain === QUICKNET.chain && decl.genesis === QUICKNET.genesis && decl.period === QUICKNET.period
          && decl.delay_seconds >= 60, 'drandPlan');
        var round = Number((committed + BigInt(decl.delay_seconds) - BigInt(QUICKNET.genesis)) / BigInt(QUICKNET.period) + 1n);
        need(decl.round === round && val.round === round, 'drandRound', round);
        need(hex(await sha(fromHex(val.signature, 'signature'))) === val.randomness, 'drandRandomness');
        parts.push(fromHex(val.randomness, 'randomness'));
      } else if (decl.kind === 'lottery') {
        var nums = val.numbers, width = String(decl.max).length;
        need(typeof val.date === 'string' && val.date > decl.after, 'lotteryDate', decl.after);
        need(Array.isArray(nums) && nums.length === decl.count && nums.every(function (x, i) {
          return Number.isSafeInteger(x) && x >= 1 && x <= decl.max && (i === 0 || nums[i - 1] < x);
        }), 'lotteryNumbers');
        var text = nums.map(function (x) { return String(x).padStart(width, '0') + '.'; }).join('') + '/';
        parts.push(await sha(utf8.encode(text)));
      } else {
        need(decl.kind === 'witness' && decl.name === val.name, 'witnessName');
        need(hex(await sha(utf8.encode('draw-v1:witness:' + val.reveal))) === decl.commitment, 'witnessReveal', val.name);
        parts.push(await sha(utf8.encode(val.reveal)));
      }
    }
    return sha(concat(parts));
  }

  function big(x) {
    return BigInt(x);
  }

  function minBig(values) {
    return values.reduce(function (a, b) { return b < a ? b : a; });
  }

  function maxBig(values) {
    return values.reduce(function (a, b) { return b > a ? b : a; });
  }

  // §9: quotas and reserves per stratum key, from the eligible counts
  async function allocate(plan, counts, rank) {
    var attrs = plan.strata.attributes, at = attrs.indexOf(plan.strata.rule_attribute);
    need(at >= 0, 'badValue', 'rule_attribute');
    var ruleOf = function (key) {
      var rule = plan.sampling[key.split('/')[at]];
      need(rule, 'noRule', key);
      return rule;
    };
    var k = {}, totals = [];
    Object.keys(counts).forEach(function (key) {
      var rule = ruleOf(key), n = big(counts[key]);
      if (rule.mode === 'total') {
        var group = totals.find(function (t) { return t.rule === rule; });
        if (!group) {
          totals.push(group = { rule: rule, keys: [] });
        }
        group.keys.push(key);
        return;
      }
      need(rule.mode === 'rate' || rule.mode === 'count', 'badValue', rule.mode);
      var p = n * big(rule.rate_bp || 0);
      var x = rule.mode === 'count' ? big(rule.count) : rule.rounding === 'CEIL' ? (p + 9999n) / 10000n : (2n * p + 10000n) / 20000n;
      k[key] = minBig([maxBig([x, big(rule.min || 0)]), rule.max === undefined ? n : big(rule.max), n]);
    });
    for (var g = 0; g < totals.length; g++) {
      // bounded largest remainder (Hamilton); equal remainders by rank alloc:<key>
      var rule = totals[g].rule, keys = totals[g].keys, lo = {}, hi = {}, N = {};
      keys.forEach(function (h) {
        N[h] = big(counts[h]);
        lo[h] = minBig([big(rule.min || 0), N[h]]);
        hi[h] = minBig([rule.max === undefined ? N[h] : big(rule.max), N[h]]);
      });
      var sum = function (list, f) { return list.reduce(function (a, h) { return a + f(h); }, 0n); };
      var total = maxBig([sum(keys, function (h) { return lo[h]; }), minBig([big(rule.total), sum(keys, function (h) { return hi[h]; })])]);
      var fixed = {}, free = keys.slice(), m, w;
      while (free.length) {
        m = total - sum(Object.keys(fixed), function (h) { return fixed[h]; });
        w = sum(free, function (h) { return N[h]; });
        var bound = free.filter(function (h) { return m * N[h] > hi[h] * w; }).map(function (h) { return [h, hi[h]]; });
        if (!bound.length) {
          bound = free.filter(function (h) { return m * N[h] < lo[h] * w; }).map(function (h) { return [h, lo[h]]; });
        }
        if (!bound.length) {
          break;
        }
        bound.forEach(function (b) {
          fixed[b[0]] = b[1];
          free.splice(free.indexOf(b[0]), 1);
        });
      }
      m = total - sum(Object.keys(fixed), function (h) { return fixed[h]; });
      w = sum(free, function (h) { return N[h]; });
      Object.keys(fixed).forEach(function (h) { k[h] = fixed[h]; });
      free.forEach(function (h) { k[h] = m * N[h] / w; });
      var order = [];
      for (var i = 0; i < free.length; i++) {
        order.push({ h: free[i], rem: m * N[free[i]] % w, rank: hex(await rank('alloc', free[i])) });
      }
      order.sort(function (a, b) {
        return a.rem !== b.rem ? (a.rem > b.rem ? -1 : 1) : a.rank !== b.rank ? (a.rank < b.rank ? -1 : 1) : (a.h < b.h ? -1 : 1);
      });
      var left = Number(m - sum(free, function (h) { return k[h]; }));
      order.slice(0, Math.max(0, left)).forEach(function (o) { k[o.h] += 1n; });
    }
    var out = {};
    Object.keys(counts).forEach(function (key) {
      out[key] = { k: Number(k[key]), reserves: Number(minBig([big(ruleOf(key).reserves), big(counts[key]) - k[key]])) };
    });
    return out;
  }

  function byRank(a, b) {
    return a.rank !== b.rank ? (a.rank < b.rank ? -1 : 1) : (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  }

  function Heap() {
    this.a = [];
  }
  Heap.less = function (x, y) {
    return x[0] < y[0] || (x[0] === y[0] && x[1] < y[1]);
  };
  Heap.prototype.push = function (e) {
    var a = this.a, i = a.length;
    a.push(e);
    while (i > 0) {
      var p = (i - 1) >> 1;
      if (!Heap.less(a[i], a[p])) {
        break;
      }
      var t = a[i]; a[i] = a[p]; a[p] = t;
      i = p;
    }
  };
  Heap.prototype.pop = function () {
    var a = this.a, top = a[0], last = a.pop();
    if (a.length) {
      a[0] = last;
      var i = 0;
      for (;;) {
        var l = 2 * i + 1, r = l + 1, s = i;
        if (l < a.length && Heap.less(a[l], a[s])) { s = l; }
        if (r < a.length && Heap.less(a[r], a[s])) { s = r; }
        if (s === i) { break; }
        var t = a[i]; a[i] = a[s]; a[s] = t;
        i = s;
      }
    }
    return top;
  };

  function pairKey(t, i) {
    return t + '\n' + i;
  }

  // §11 and §12. A group is one department's officers or its experts. Without conflicts.csv (the public
  // variant) the conflicts are not known: then every choice must be explained by the other rules plus declared
  // conflicts, whose number may not exceed the committed row count ("inferred" conflicts).
  function Matching(plan, seed, pickRank, roster, conflicts, history) {
    var a = this.a = plan.assignment, self = this;
    this.seed = seed;
    this.groups = [];
    this.teams = {};
    this.unavailable = new Set();
    this.known = conflicts !== null;
    this.conflict = new Set((conflicts || []).map(function (c) { return pairKey(c[1], c[0]); }));
    this.inferred = new Set();
    this.inferredAll = new Set();
    this.last = new Set(history.map(function (h) { return pairKey(h[0], h[1]); }));
    this.roster = {};
    roster.forEach(function (r) {
      need(r[2] === 'OFFICER' || r[2] === 'EXPERT', 'badValue', r[2]);
      self.roster[r[0]] = { department: r[1], kind: r[2], prior: Number(r[3]), items: new Set(r[4].split('|').filter(Boolean)) };
    });
    this.drawn = {};
    Object.keys(this.roster).forEach(function (i) { self.drawn[i] = 0; });
    this.size = 0;
    var officers = a.departments.reduce(function (s, d) { return s + d.officers; }, 0);
    a.departments.forEach(function (d) {
      var o = d.officers + (d.code === a.lead ? Math.max(0, a.min_officers - officers) : 0);
      [['OFFICER', 0, o], ['EXPERT', o, d.experts]].forEach(function (spec) {
        if (!spec[2]) {
          return;
        }
        var members = Object.keys(self.roster).filter(function (i) {
          var v = self.roster[i];
          return v.department === d.code && v.kind === spec[0] && d.items.every(function (x) { return v.items.has(x); });
        }).map(function (i) { return { id: i, rank: pickRank[i] }; }).sort(byRank).map(function (x) { return x.id; });
        self.groups.push({ department: d.code, kind: spec[0], items: d.items, first: spec[1], count: spec[2],
          offset: self.size, members: members, cap: 0, slack: 0 });
        self.size += spec[2];
      });
    });
  }

  // (rank, label, target, group, j) in slot order
  Matching.prototype.slots = async function (targets) {
    var labels = [], self = this;
    targets.forEach(function (t) {
      self.groups.forEach(function (g) {
        for (var j = g.first; j < g.first + g.count; j++) {
          labels.push({ label: t + '/' + g.department + '/' + j, t: t, g: g, j: j });
        }
      });
    });
    var prefix = concat([this.seed, utf8.encode('slot:')]);
    var ranks = await shaAll(labels.map(function (s) { return concat([prefix, utf8.encode(s.label)]); }));
    labels.forEach(function (s, i) { s.rank = hex(ranks[i]); s.id = s.label; });
    return labels.sort(byRank);
  };

  Matching.prototype.at = function (g, j) {
    return g.offset + j - g.first;
  };

  Matching.prototype.inTeam = function (g, t, i) {
    return this.teams[t].slice(g.offset, g.offset + g.count).indexOf(i) >= 0;
  };

  Matching.prototype.ok = function (g, t, i) {
    var pair = pairKey(t, i);
    return !this.conflict.has(pair) && !this.inferred.has(pair) && !this.last.has(pair) && !this.inTeam(g, t, i);
  };

  // a candidate passing every known rule is chosen, unless conflicts are unknown and the package names another
  Matching.prototype.takes = function (t, i, claimed) {
    if (this.known || i === claimed) {
      return true;
    }
    this.inferred.add(pairKey(t, i));
    return false;
  };

  Matching.prototype.run = async function (selected, claimedSlots, claimedGroups) {
    var order = await this.slots(selected), reports = [], self = this;
    selected.forEach(function (t) { self.teams[t] = new Array(self.size).fill(null); });
    for (var gi = 0; gi < this.groups.length; gi++) {
      var g = this.groups[gi], members = g.members;
      var gs = order.filter(function (s) { return s.g === g; });
      if (!gs.length) {
        continue;
      }
      if (!members.length) {
        return this.infeasible(g, gs[0]);
      }
      var stuck = null, first = this.a.cap_slack, last = this.a.max_slack;
      if (!this.known) {
        // only the recorded pass can be replayed: undisclosed conflicts may have stuck the earlier ones
        var report = claimedGroups.find(function (r) { return r.department === g.department && r.kind === g.kind; });
        need(report && report.slack >= first && report.slack <= last, 'groupUnexplained', g.department, g.kind);
        first = last = report.slack;
      }
      for (g.slack = first; g.slack <= last; g.slack++) {
        g.cap = Number((BigInt(gs.length) + BigInt(members.length) - 1n) / BigInt(members.length)) + g.slack;
        stuck = null;
        this.inferred.clear();
        var heap = new Heap();
        members.forEach(function (i, p) { heap.push([self.prior(i), p]); self.drawn[i] = 0; });
        gs.forEach(function (s) { self.teams[s.t][self.at(g, s.j)] = null; });
        for (var n = 0; n < gs.length; n++) {
          var s = gs[n], skipped = [], chosen = null, entry = null;
          while (heap.a.length && chosen === null) {
            entry = heap.pop();
            var i = members[entry[1]];
            if (this.drawn[i] >= g.cap) {
              continue;
            }
            if (this.ok(g, s.t, i) && this.takes(s.t, i, claimedSlots[s.label])) {
              chosen = i;
            } else {
              skipped.push(entry);
            }
          }
          skipped.forEach(function (e) { heap.push(e); });
          if (chosen === null) {
            stuck = s;
            break;
          }
          this.drawn[chosen] += 1;
          heap.push([entry[0] + 1, entry[1]]);
          this.teams[s.t][this.at(g, s.j)] = chosen;
        }
        if (stuck === null) {
          break;
        }
      }
      if (stuck !== null) {
        need(this.known, 'slotUnexplained', stuck.label, claimedSlots[stuck.label] || '');
        return this.infeasible(g, stuck);
      }
      // groups never share people, so the pairs inferred for one group cannot affect another
      this.inferred.forEach(function (pair) { self.inferredAll.add(pair); });
      var loads = members.map(function (i) { return self.drawn[i]; });
      reports.push({ department: g.department, kind: g.kind, slots: gs.length, inspectors: members.length,
        slack: g.slack, cap: g.cap, min_load: Math.min.apply(null, loads), max_load: Math.max.apply(null, loads) });
    }
    this.inferred = this.inferredAll;
    return { status: 'assigned', groups: reports, slots: order.map(function (s) {
      return { target: s.t, department: s.g.department, slot: s.j, inspector: self.teams[s.t][self.at(s.g, s.j)] };
    }) };
  };

  Matching.prototype.prior = function (i) {
    return this.roster[i].prior;
  };

  // §11.6: each person under the first rule they fail
  Matching.prototype.infeasible = function (g, s) {
    var t = s.t, counts = {}, people = 0, rule = 'NO_INSPECTORS', self = this;
    RULES.forEach(function (r) { counts[r] = 0; });
    Object.keys(this.roster).sort().forEach(function (i) {
      var v = self.roster[i];
      if (v.department !== g.department || v.kind !== g.kind) {
        return;
      }
      people++;
      var r = !g.items.every(function (x) { return v.items.has(x); }) ? 'NOT_QUALIFIED'
        : self.conflict.has(pairKey(t, i)) ? 'CONFLICT' : self.last.has(pairKey(t, i)) ? 'LAST_INSPECTOR'
          : !self.ok(g, t, i) ? 'ALREADY_IN_TEAM' : 'LOAD_CAP';
      counts[r]++;
      rule = rule === 'NO_INSPECTORS' || RULES.indexOf(r) > RULES.indexOf(rule) ? r : rule;
    });
    return { status: 'infeasible', department: g.department, kind: g.kind, target: t, slot: s.j, rule: rule,
      inspectors: people, eliminated: counts };
  };

  // §12: current loads, same order, same cap, never an unavailable person
  Matching.prototype.pick = function (g, t, claimed) {
    var self = this;
    var c = g.members.map(function (i, p) { return { load: self.prior(i) + self.drawn[i], p: p, i: i }; })
      .filter(function (x) { return !self.unavailable.has(x.i) && self.drawn[x.i] < g.cap && self.ok(g, t, x.i); })
      .sort(function (x, y) { return x.load - y.load || x.p - y.p; });
    for (var n = 0; n < c.length; n++) {
      if (this.takes(t, c[n].i, claimed)) {
        return c[n].i;
      }
    }
    throw new Bad('noReplacement', [t]);
  };

  async function amend(m, result, claimed) {
    var current = {}, used = {}, out = [];
    result.strata.forEach(function (s) { s.selected.forEach(function (x) { current[x.id] = s; }); });
    need(Array.isArray(claimed), 'badValue', 'amendments.json');
    for (var n = 0; n < claimed.length; n++) {
      var a = claimed[n], e = { type: a.type, target: a.target, reason: a.reason, approver: a.approver, recorded_at: a.recorded_at };
      need(result.assignment.status === 'assigned' && m.teams[a.target], 'amendmentTarget', n + 1, a.target);
      if (a.type === 'target') {
        var s = current[a.target];
        need(s, 'amendmentTarget', n + 1, a.target);
        delete current[a.target];
        var u = used[s.key] = (used[s.key] === undefined ? -1 : used[s.key]) + 1;
        need(u < s.reserves.length, 'noReserve', s.key);
        e.replacement = s.reserves[u].id;
        e.team = [];
        m.teams[a.target].forEach(function (i) { m.drawn[i] -= 1; });
        delete m.teams[a.target];
        m.teams[e.replacement] = new Array(m.size).fill(null);
        current[e.replacement] = s;
        var slots = await m.slots([e.replacement]);
        for (var k = 0; k < slots.length; k++) {
          var slot = slots[k], said = (a.team || [])[k] || {};
          var i = m.teams[slot.t][m.at(slot.g, slot.j)] = m.pick(slot.g, slot.t, said.inspector);
          m.drawn[i] += 1;
          e.team.push({ target: slot.t, department: slot.g.department, slot: slot.j, inspector: i });
        }
      } else {
        var g = m.groups.find(function (x) { return x.department === a.department && x.first <= a.slot && a.slot < x.first + x.count; });
        need(g && m.teams[a.target][m.at(g, a.slot)] === a.absent, 'amendmentSlot', n + 1, a.absent);
        m.unavailable.add(a.absent);
        e.department = a.department;
        e.slot = a.slot;
        e.absent = a.absent;
        e.replacement = m.pick(g, a.target, a.replacement);
        m.drawn[a.absent] -= 1;
        m.drawn[e.replacement] += 1;
        m.teams[a.target][m.at(g, a.slot)] = e.replacement;
      }
      out.push(e);
    }
    return out;
  }

  function shown(v) {
    return v === undefined ? 'null' : JSON.stringify(v).slice(0, 200);
  }

  // the first difference, in the order the result is derived
  function compare(expected, claimed, path) {
    var isObject = function (x) { return x !== null && typeof x === 'object' && !Array.isArray(x); };
    if (isObject(expected) && isObject(claimed)) {
      var keys = Object.keys(expected).concat(Object.keys(claimed).filter(function (k) { return !(k in expected); }).sort());
      keys.forEach(function (k) { compare(expected[k], claimed[k], path + '.' + k); });
    } else if (Array.isArray(expected) && Array.isArray(claimed)) {
      for (var i = 0; i < Math.max(expected.length, claimed.length); i++) {
        compare(expected[i], claimed[i], path + '[' + i + ']');
      }
    } else if (canonOrNull(expected) !== canonOrNull(claimed)) {
      throw new Bad('differs', [path, shown(expected), shown(claimed)]);
    }
  }

  function canonOrNull(v) {
    try {
      return v === undefined || v === null ? 'null' : canon(v);
    } catch (e) {
      return JSON.stringify(v);
    }
  }

  // Re-derives the package. files: name -> Uint8Array. options.planHash: the commitment published on the page.
  // options.step(key): told after each stage. Resolves to a summary, or rejects with a Bad.
  async function verify(files, options) {
    options = options || {};
    var step = options.step || function () {};
    need(global.crypto && crypto.subtle, 'noWebCrypto');
    var planFile = loadJson(files, 'plan.json'), plan = planFile.value;
    need(plan.spec === 'draw-v1' && plan.hash === 'sha-256', 'unknownSpec');
    var planHash = await sha(planFile.raw);
    if (options.planHash) {
      need(hex(planHash) === options.planHash, 'notPublishedPlan', hex(planHash), options.planHash);
    }
    step('plan');
    var attrs = plan.strata.attributes, inputs = plan.inputs, full = files['pool.csv'] !== undefined;
    var counts = {}, eligible = {}, summary = null;
    if (full) {
      var pool = await readCsv(files, 'pool.csv', 'target_id,' + attrs.join(',') + ',excluded', inputs.pool, true);
      pool.forEach(function (row) {
        var f = row.split(',');
        if (f[f.length - 1] === '') {
          var key = f.slice(1, -1).join('/');
          (eligible[key] = eligible[key] || []).push(f[0]);
          counts[key] = (counts[key] || 0) + 1;
        }
      });
    } else {
      summary = loadJson(files, 'pool-summary.json').value;
      need(summary.sha256 === inputs.pool.sha256 && summary.rows === inputs.pool.rows && summary.merkle_root === inputs.pool.merkle_root,
        'inputHash', 'pool-summary.json');
      summary.strata.forEach(function (s, i) {
        need(Number.isSafeInteger(s.n) && s.n > 0 && (i === 0 || summary.strata[i - 1].key < s.key), 'badValue', s.key);
        counts[s.key] = s.n;
      });
    }
    var text = async function (name, header) {
      return (await readCsv(files, name, header, inputs[name.slice(0, -4)], false)).map(function (r) { return r.split(','); });
    };
    var roster = await text('roster.csv', 'inspector_id,department,kind,prior_load,items');
    var history = await text('history.csv', 'target_id,inspector_id');
    var conflicts = null;
    if (files['conflicts.csv'] !== undefined) {
      conflicts = await text('conflicts.csv', 'inspector_id,target_id,reason');
    } else if (inputs.conflicts.rows === 0) {
      // an empty file is its header alone, so its committed hash can be checked without the file
      files = Object.assign({}, files, { 'conflicts.csv': utf8.encode('inspector_id,target_id,reason\n') });
      conflicts = await text('conflicts.csv', 'inspector_id,target_id,reason');
    }
    step('inputs');
    var seed = await deriveSeed(plan, planHash, loadJson(files, 'sources.json').value);
    var rank = function (label, value) { return sha(concat([seed, utf8.encode(label + ':' + value)])); };
    step('seed');
    var claimedFile = loadJson(files, 'result.json'), claimed = claimedFile.value;
    var quotas = await allocate(plan, counts, rank);
    step('allocation');
    var prefix = concat([seed, utf8.encode('target:')]);
    var ranked = async function (ids) {
      var digests = await shaAll(ids.map(function (id) { return concat([prefix, utf8.encode(id)]); }));
      return ids.map(function (id, i) { return { id: id, rank: hex(digests[i]) }; }).sort(byRank);
    };
    var result = { spec: 'draw-v1', plan_hash: hex(planHash), seed: hex(seed), strata: [] };
    var keys = Object.keys(quotas).sort(), sizes = [];
    for (var h = 0; h < keys.length; h++) {
      var key = keys[h], q = quotas[key], best;
      if (full) {
        best = (await ranked(eligible[key])).slice(0, q.k + q.reserves);
      } else {
        // the public variant: only the published ids can be ranked; they must be as many as the quota and in rank order
        var said = (claimed.strata || []).find(function (s) { return s.key === key; }) || { selected: [], reserves: [] };
        var ids = (said.selected || []).concat(said.reserves || []).map(function (x) { return x.id; });
        if (ids.length !== q.k + q.reserves || new Set(ids).size !== ids.length) {
          sizes.push([key, q.k, q.reserves, ids.length]);
        }
        best = await ranked(ids);
      }
      best = best.map(function (x, p) { return { id: x.id, rank: x.rank, pos: p + 1 }; });
      result.strata.push({ key: key, n: counts[key], k: q.k, selected: best.slice(0, q.k), reserves: best.slice(q.k) });
    }
    // the selection is reported before the teams that follow from it, as the result lists them
    compare({ spec: result.spec, plan_hash: result.plan_hash, seed: result.seed, strata: result.strata },
      { spec: claimed.spec, plan_hash: claimed.plan_hash, seed: claimed.seed, strata: claimed.strata }, 'result');
    sizes.forEach(function (s) { need(false, 'stratumSize', s[0], s[1], s[2], s[3]); });
    step('selection');
    var rosterIds = roster.map(function (r) { return r[0]; });
    var pickDigests = await shaAll(rosterIds.map(function (i) { return concat([seed, utf8.encode('pick:' + i)]); }));
    var pickRank = {};
    rosterIds.forEach(function (i, n) { pickRank[i] = hex(pickDigests[n]); });
    var m = new Matching(plan, seed, pickRank, roster, conflicts, history);
    var claimedAssignment = claimed.assignment || {};
    var teams = 'full';
    var selected = [];
    result.strata.forEach(function (s) { s.selected.forEach(function (x) { selected.push(x.id); }); });
    if (conflicts === null && claimedAssignment.status !== 'assigned') {
      // an infeasibility report names undisclosed conflicts: only the auditors' full package can re-derive it
      result.assignment = claimedAssignment;
      teams = 'none';
    } else {
      var claimedSlots = {};
      (claimedAssignment.slots || []).forEach(function (s) { claimedSlots[s.target + '/' + s.department + '/' + s.slot] = s.inspector; });
      result.assignment = await m.run(selected, claimedSlots, claimedAssignment.groups || []);
      if (conflicts === null) {
        teams = 'inferred';
        need(m.inferred.size <= inputs.conflicts.rows, 'tooManyConflicts', m.inferred.size, inputs.conflicts.rows);
      }
    }
    step('teams');
    var body = utf8.encode(canon(result));
    result.digest = hex(await sha(body));
    var expected = utf8.encode(canon(result));
    if (!sameBytes(expected, claimedFile.raw)) {
      compare(result, claimed, 'result');
      throw new Bad('notCanonical', ['result.json']);
    }
    if (options.digest) {
      need(result.digest === options.digest, 'notPublishedResult', result.digest, options.digest);
    }
    step('digest');
    var amendments = loadJson(files, 'amendments.json').value;
    if (teams === 'none') {
      need(amendments.length === 0, 'amendmentTarget', 1, '');
    } else {
      compare(await amend(m, result, amendments), amendments, 'amendments');
      if (conflicts === null) {
        need(m.inferred.size <= inputs.conflicts.rows, 'tooManyConflicts', m.inferred.size, inputs.conflicts.rows);
      }
    }
    step('amendments');
    return { full: full, teams: teams, seed: hex(seed), planHash: hex(planHash), digest: result.digest, selected: selected,
      strata: result.strata.length, amendments: amendments.length, inferredConflicts: teams === 'inferred' ? m.inferred.size : 0 };
  }

  // ---- the ZIP of /public/draws/{id}/evidence: central directory, stored or deflated entries ----

  async function inflate(data) {
    var stream = new Blob([data]).stream().pipeThrough(new DecompressionStream('deflate-raw'));
    return new Uint8Array(await new Response(stream).arrayBuffer());
  }

  async function unzip(buffer) {
    var v = new DataView(buffer), u8 = new Uint8Array(buffer), end = -1, files = {};
    for (var e = u8.length - 22; e >= Math.max(0, u8.length - 65557); e--) {
      if (v.getUint32(e, true) === 0x06054b50) {
        end = e;
        break;
      }
    }
    need(end >= 0, 'notZip');
    var count = v.getUint16(end + 10, true), off = v.getUint32(end + 16, true), decoder = new TextDecoder('utf-8');
    for (var n = 0; n < count; n++) {
      need(off + 46 <= u8.length && v.getUint32(off, true) === 0x02014b50, 'notZip');
      var method = v.getUint16(off + 10, true), size = v.getUint32(off + 20, true), nameLength = v.getUint16(off + 28, true);
      var local = v.getUint32(off + 42, true), name = decoder.decode(u8.subarray(off + 46, off + 46 + nameLength));
      off += 46 + nameLength + v.getUint16(off + 30, true) + v.getUint16(off + 32, true);
      need(v.getUint32(local, true) === 0x04034b50, 'notZip');
      var start = local + 30 + v.getUint16(local + 26, true) + v.getUint16(local + 28, true);
      var data = u8.subarray(start, start + size);
      need(method === 0 || method === 8, 'notZip');
      var base = name.slice(name.lastIndexOf('/') + 1);
      if (base) {
        files[base] = method === 0 ? data.slice() : await inflate(data);
      }
    }
    return files;
  }

  global.DrawVerifier = { verify: verify, unzip: unzip, Bad: Bad, canon: canon };

  // ---- the page: #draw-check carries the package address, the published plan hash and the texts ----

  function format(template, args) {
    return (template || '').replace(/\{(\d+)\}/g, function (all, i) { return args[+i] === undefined ? all : String(args[+i]); });
  }

  function text(box, key, args) {
    var name = 'msg' + key.charAt(0).toUpperCase() + key.slice(1);
    return format(box.dataset[name] || box.dataset.msgFailed, args || []);
  }

  async function run(box) {
    var status = box.querySelector('[data-role=status]'), steps = box.querySelector('[data-role=steps]');
    var show = function (kind, message) {
      box.classList.remove('alert-secondary', 'alert-success', 'alert-danger');
      box.classList.add(kind);
      status.textContent = message;
    };
    var done = function (key) {
      var li = document.createElement('li');
      li.textContent = text(box, 'step' + key.charAt(0).toUpperCase() + key.slice(1));
      li.setAttribute('data-step', key);
      steps.appendChild(li);
    };
    box.setAttribute('data-state', 'running');
    try {
      need(global.crypto && crypto.subtle && global.DecompressionStream, 'noWebCrypto');
      show('alert-secondary', text(box, 'downloading'));
      var response;
      try {
        response = await fetch(box.dataset.evidence, { credentials: 'same-origin' });
      } catch (e) {
        throw new Bad('download', [e.message]);
      }
      need(response.ok, 'download', response.status);
      var files = await unzip(await response.arrayBuffer());
      show('alert-secondary', text(box, 'computing'));
      var summary = await verify(files, { planHash: box.dataset.planHash, digest: box.dataset.digest, step: done });
      var note = summary.teams === 'full' ? text(box, 'teamsFull') : summary.teams === 'inferred'
        ? text(box, 'teamsInferred', [summary.inferredConflicts]) : text(box, 'teamsNone');
      show('alert-success', text(box, summary.full ? 'verifiedFull' : 'verifiedPublic', [summary.selected.length, summary.strata]) + ' ' + note);
      box.setAttribute('data-state', 'verified');
    } catch (e) {
      var message = e instanceof Bad ? text(box, e.key, e.args) : text(box, 'failed', [e && e.message]);
      show('alert-danger', text(box, 'mismatch', [message]));
      box.setAttribute('data-state', 'mismatch');
      box.setAttribute('data-key', e instanceof Bad ? e.key : 'error');
    }
  }

  if (global.document) {
    document.addEventListener('DOMContentLoaded', function () {
      var box = document.getElementById('draw-check');
      if (box) {
        run(box);
      }
    });
  }
})(window);
