/* Alliance search: the box in every header, and the results on the search page.
 * Without this script, and from a copy opened from disk (file://, where
 * browsers refuse fetches), the box leads to the A to Z. Every request goes
 * to the site's own index (search/<language>/), made at build time. */
(function (root) {
  'use strict';

  /* The words of a text as the index has them: lower case, no accents. */
  function words(text) {
    var folded = text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
    return (folded.match(/[\p{Alphabetic}\p{N}]+/gu) || []).filter(function (w) {
      return (w.length >= 2 || /^\d+$/.test(w)) && w.length <= 40;
    });
  }

  /* A posting's score over this is a word in the page's title, and the
   * score less this the number of words of the title (the index's IN_TITLE). */
  var IN_TITLE = 100;

  /* An index of one language, read from `base` (e.g. "en/") through `get`,
   * a function from a file name to a promise of its JSON. */
  function Index(get) {
    this.get = get;
    this.shards = {};
    this.chunks = {};
    this.meta = null;
  }

  Index.prototype.load = function () {
    var self = this;
    return this.meta ? Promise.resolve(this.meta) : this.get('meta.json').then(function (m) {
      self.meta = m;
      return m;
    });
  };

  /* The number of the shard that holds `word`. */
  Index.prototype.shardOf = function (word) {
    var firsts = this.meta.shards, lo = 0, hi = firsts.length - 1;
    while (lo < hi) {
      var mid = (lo + hi + 1) >> 1;
      if (firsts[mid] <= word) lo = mid; else hi = mid - 1;
    }
    return lo;
  };

  Index.prototype.shard = function (n) {
    if (!this.shards[n]) this.shards[n] = this.get('t' + n + '.json');
    return this.shards[n];
  };

  /* What the index holds for a word: its stem's postings, or nothing. */
  Index.prototype.entry = function (word) {
    var self = this;
    return this.shard(this.shardOf(word)).then(function (s) {
      var e = s[word];
      if (typeof e === 'string') {
        return self.shard(self.shardOf(e)).then(function (t) {
          return Array.isArray(t[e]) ? { stem: e, postings: t[e] } : null;
        });
      }
      return Array.isArray(e) ? { stem: word, postings: e } : null;
    });
  };

  /* Words of the index that begin with `prefix` (at most `limit`): from its
   * shard and the next two, where the prefix runs on. */
  Index.prototype.prefixed = function (prefix, limit) {
    var self = this, first = this.shardOf(prefix), firsts = this.meta.shards, ns = [first];
    for (var n = first + 1; n < firsts.length && n <= first + 2 && firsts[n].indexOf(prefix) === 0; n++) ns.push(n);
    return Promise.all(ns.map(function (n) { return self.shard(n); })).then(function (shards) {
      var found = [];
      shards.forEach(function (s) {
        Object.keys(s).forEach(function (w) {
          if (found.length < limit && w !== prefix && w.indexOf(prefix) === 0) found.push(w);
        });
      });
      return found;
    });
  };

  /* One query word's pages: score by page number, the pages with it in
   * their title, and the stems it matched. The last word of a query, or one
   * the index does not have, also matches the words it begins. */
  Index.prototype.term = function (word, last) {
    var self = this;
    var forms = [word];
    if (this.meta.stemmed) {
      [['ies', 'y'], ['es', ''], ['s', ''], ['ing', ''], ['ed', '']].forEach(function (r) {
        var end = r[0];
        if (word.length > end.length + 2 && word.slice(-end.length) === end) forms.push(word.slice(0, -end.length) + r[1]);
      });
    }
    var exact = forms.reduce(function (p, form) {
      return p.then(function (got) { return got || self.entry(form); });
    }, Promise.resolve(null));
    return exact.then(function (found) {
      var more = word.length >= 3 && (last || !found) ? self.prefixed(word, 30).then(function (ws) {
        return Promise.all(ws.map(function (w) { return self.entry(w); }));
      }) : Promise.resolve([]);
      return more.then(function (prefixed) { return [found, prefixed]; });
    }).then(function (got) {
      var scores = {}, titles = {}, stems = [], n = self.meta.pages;
      function add(entry, weight) {
        if (!entry || stems.indexOf(entry.stem) >= 0) return;
        stems.push(entry.stem);
        var p = entry.postings, df = p.length / 2, page = 0;
        var idf = Math.log(1 + (n - df + 0.5) / (df + 0.5));
        for (var i = 0; i < p.length; i += 2) {
          page += p[i];
          var inTitle = p[i + 1] > IN_TITLE;
          var s = (inTitle ? 100 + 100 / (p[i + 1] - IN_TITLE) : p[i + 1]) * idf * weight;
          if (!(scores[page] >= s)) scores[page] = s;
          if (inTitle && weight === 1) titles[page] = 1;
        }
      }
      add(got[0], 1);
      got[1].forEach(function (e) { add(e, 0.5); });
      return { word: word, scores: scores, titles: titles, stems: stems };
    });
  };

  /* The pages for a query, best first: by the number of its words they
   * have, then of those in their title, then by score. */
  Index.prototype.search = function (query) {
    var self = this, terms = words(query).slice(0, 8);
    return this.load().then(function () {
      return Promise.all(terms.map(function (t, i) { return self.term(t, i === terms.length - 1); }));
    }).then(function (found) {
      var pages = {};
      found.forEach(function (t) {
        Object.keys(t.scores).forEach(function (p) {
          var e = pages[p] || (pages[p] = { page: +p, score: 0, matched: 0, titled: 0 });
          e.score += t.scores[p];
          e.matched += 1;
          e.titled += t.titles[p] || 0;
        });
      });
      var results = Object.keys(pages).map(function (p) { return pages[p]; });
      results.sort(function (a, b) { return b.matched - a.matched || b.titled - a.titled || b.score - a.score || a.page - b.page; });
      var marks = [];
      found.forEach(function (t) { marks.push(t.word); marks.push.apply(marks, t.stems); });
      return { results: results, marks: marks };
    });
  };

  /* A page's record: address, title, section, text, headings. */
  Index.prototype.record = function (page) {
    var size = this.meta.chunk, n = Math.floor(page / size);
    if (!this.chunks[n]) this.chunks[n] = this.get('p' + n + '.json');
    return this.chunks[n].then(function (chunk) { return chunk[page % size]; });
  };

  /* The words of `text` with their places, and whether each matches. */
  function marked(text, marks) {
    var out = [], re = /[\p{Alphabetic}\p{N}][\p{Alphabetic}\p{N}\p{M}]*/gu, m;
    while ((m = re.exec(text))) {
      var w = words(m[0])[0] || '';
      var hit = w.length > 0 && marks.some(function (k) { return w.indexOf(k) === 0; });
      out.push({ at: m.index, end: m.index + m[0].length, hit: hit });
    }
    return out;
  }

  /* An excerpt of about 30 words around the first match, as HTML with the
   * matching words in <mark>. */
  function excerpt(text, marks, from, to) {
    var ws = marked(text.slice(from, to), marks), first = 0;
    for (var i = 0; i < ws.length; i++) if (ws[i].hit) { first = i; break; }
    var start = Math.max(0, first - 10), end = Math.min(ws.length, start + 30);
    if (!ws.length) return '';
    var part = text.slice(from, to), html = start > 0 ? '… ' : '', at = ws[start].at;
    for (var j = start; j < end; j++) {
      html += escape(part.slice(at, ws[j].at));
      var word = escape(part.slice(ws[j].at, ws[j].end));
      html += ws[j].hit ? '<mark>' + word + '</mark>' : word;
      at = ws[j].end;
    }
    return html + (end < ws.length ? ' …' : '');
  }

  function escape(s) {
    return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
  }

  /* The headings of a record whose section of text has a match (at most 3). */
  function headings(record, marks) {
    var h = record.h, out = [];
    for (var i = 0; i < h.length && out.length < 3; i++) {
      var to = i + 1 < h.length ? h[i + 1][2] : record.x.length;
      if (marked(record.x.slice(h[i][2], to), marks).some(function (w) { return w.hit; })) out.push(h[i]);
    }
    return out;
  }

  /* The words this script writes, in English; a page in another language
     gives its own in the results list's data-words (the theme's words). */
  var ENGLISH = {
    search_in: 'In {section}',
    search_sections_of: 'Sections of {title}',
    search_searching: 'Searching…',
    search_more: 'Show {count} more results',
    search_none: 'No results for “{query}”. Try other words, or browse the {link}.',
    search_count_one: '{count} result for “{query}”',
    search_count_other: '{count} results for “{query}”',
    search_unavailable: 'Search is not available here. Every page is listed in the {link}.',
    a_to_z: 'A to Z'
  };

  /* A word with each {name} replaced by values[name]. */
  function fill(text, values) {
    return text.replace(/\{(\w+)\}/g, function (all, name) {
      return Object.prototype.hasOwnProperty.call(values, name) ? String(values[name]) : all;
    });
  }

  /* One result, as HTML: title linking to the page, section, excerpt, headings. */
  function resultHtml(record, marks, siteRoot, words) {
    words = words || ENGLISH;
    var href = siteRoot + record.u + 'index.html';
    var html = '<li class="search-result"><h2><a href="' + escape(href) + '">' + escape(record.t) + '</a></h2>';
    if (record.s) html += '<p class="search-result__section">' + fill(words.search_in, { section: escape(record.s) }) + '</p>';
    html += '<p class="search-result__excerpt">' + excerpt(record.x, marks, 0, record.x.length) + '</p>';
    var hs = headings(record, marks);
    if (hs.length) {
      html += '<ul class="search-result__headings" aria-label="' + fill(words.search_sections_of, { title: escape(record.t) }) + '">';
      hs.forEach(function (h) {
        html += '<li><a href="' + escape(href + '#' + h[0]) + '">' + escape(h[1]) + '</a></li>';
      });
      html += '</ul>';
    }
    return html + '</li>';
  }

  var api = { words: words, Index: Index, excerpt: excerpt, resultHtml: resultHtml };
  if (typeof module === 'object' && module.exports) { module.exports = api; return; }

  var live = location.protocol === 'http:' || location.protocol === 'https:';
  if (!live) return;
  /* On a live site the box goes to the search page instead of the A to Z. */
  document.querySelectorAll('form[data-search]').forEach(function (form) {
    form.setAttribute('action', form.getAttribute('data-search'));
  });

  var list = document.getElementById('search-results');
  if (!list) return;
  var status = document.getElementById('search-status');
  var fallback = document.getElementById('search-fallback');
  var base = new URL(list.getAttribute('data-index'), location.href);
  var siteRoot = list.getAttribute('data-root');
  var aToZ = list.getAttribute('data-a-to-z');
  var own = list.getAttribute('data-words');
  var say = own ? JSON.parse(own) : ENGLISH;
  var aToZLink = '<a href="' + escape(aToZ) + '">' + escape(say.a_to_z) + '</a>';
  var query = (new URLSearchParams(location.search).get('q') || '').trim();
  var input = document.getElementById('search-q');
  input.value = query;
  fallback.hidden = true;
  if (!query) return;
  document.title = query + ' – ' + document.title;
  status.textContent = say.search_searching;

  var index = new Index(function (name) {
    return fetch(new URL(name, base)).then(function (r) {
      if (!r.ok) throw new Error(name + ': ' + r.status);
      return r.json();
    });
  });
  var shown = 0, found;
  var more = document.createElement('button');
  more.type = 'button';
  more.className = 'search-more';

  function showMore() {
    var next = found.results.slice(shown, shown + 10);
    return Promise.all(next.map(function (r) { return index.record(r.page); })).then(function (records) {
      var first = shown;
      list.insertAdjacentHTML('beforeend', records.map(function (rec) {
        return resultHtml(rec, found.marks, siteRoot, say);
      }).join(''));
      shown += records.length;
      var rest = found.results.length - shown;
      more.textContent = fill(say.search_more, { count: Math.min(10, rest) });
      if (rest > 0) list.after(more); else more.remove();
      if (first > 0) {
        var link = list.children[first].querySelector('a');
        if (link) link.focus();
      }
    });
  }
  more.addEventListener('click', showMore);

  index.search(query).then(function (f) {
    found = f;
    var n = f.results.length;
    if (!n) {
      status.innerHTML = fill(say.search_none, { query: escape(query), link: aToZLink });
      return;
    }
    return showMore().then(function () {
      status.textContent = fill(n === 1 ? say.search_count_one : say.search_count_other, { count: n, query: query });
    });
  }).catch(function () {
    status.innerHTML = fill(say.search_unavailable, { link: aToZLink });
  });
})(this);
