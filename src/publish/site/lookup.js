/* lookup.js: certificate lookup of the register's public site (src/publish/). The
 * certificates are in data/c/KKKK.js, shard KKKK = FNV-1a (32 bits) of the number's UTF-8
 * bytes modulo the shard count of data/site.js, each calling hdregCertShard(KKKK, {NUMBER:
 * certificate}), loaded through common.js.
 * Everything shown is set as text, never as HTML. */
'use strict';
(function () {
  var site = window.hdregSite;
  var form = document.getElementById('lookup');
  var input = document.getElementById('number');
  var out = document.getElementById('result');

  function fnv1a(s) {
    var b = new TextEncoder().encode(s), h = 0x811c9dc5;
    for (var i = 0; i < b.length; i++) h = Math.imul(h ^ b[i], 0x01000193) >>> 0;
    return h >>> 0;
  }
  function shardOf(number) {
    var k = (fnv1a(number) % site.shards).toString(16);
    return ('0000' + k).slice(-4);
  }
  var load = window.hdregLib.shards('data/c/', 'hdregCertShard');
  var el = window.hdregLib.el;
  function clear() { while (out.firstChild) out.removeChild(out.firstChild); }
  function notFound(number) {
    clear();
    out.setAttribute('data-status', 'none');
    var sec = el('section', 'card');
    sec.appendChild(el('h2', null, '未查到证书'));
    sec.appendChild(el('p', null, '截至' + site.date + '，本登记簿没有编号为“' + number +
      '”的已颁发证书。请核对证书编号（共' + number.length + '个字符）。'));
    out.appendChild(sec);
  }
  function render(c) {
    clear();
    out.setAttribute('data-status', c.status);
    var sec = el('section', 'card');
    var h = el('h2', null, '证书 ' + c.number + ' ');
    h.appendChild(el('span', 'badge ' + c.status, c.status_label));
    sec.appendChild(h);
    sec.appendChild(el('p', 'status', c.status_text));
    sec.appendChild(el('h3', null, '证书内容（第5.2.1条）'));
    var dl = el('dl', 'fields');
    c.fields.forEach(function (f) { dl.appendChild(el('dt', null, f[0])); dl.appendChild(el('dd', null, f[1])); });
    sec.appendChild(dl);
    if (c.withheld.length)
      sec.appendChild(el('p', 'muted', '按登记机构的公开设置不予公开：' + c.withheld.join('、')));
    sec.appendChild(el('h3', null, '登记历史'));
    var wrap = el('div', 'scroll'), t = el('table'), head = el('tr');
    ['日期', '登记类型', '证书编号', '申请编号'].forEach(function (x) { head.appendChild(el('th', null, x)); });
    t.appendChild(head);
    c.history.forEach(function (e) {
      var tr = el('tr');
      [e.date, e.type, e.certificate, e['case']].forEach(function (x) { tr.appendChild(el('td', null, x)); });
      t.appendChild(tr);
    });
    wrap.appendChild(t);
    sec.appendChild(wrap);
    sec.appendChild(el('h3', null, '证书文件的SHA-256'));
    sec.appendChild(el('p', 'hash', c.sha256 || '（登记簿未记录证书文件）'));
    sec.appendChild(el('p', 'muted', '持有证书PDF的，可在“文书核验”页面核对其SHA-256。'));
    out.appendChild(sec);
  }
  function lookup(raw) {
    var number = raw.replace(/\s+/g, '').toUpperCase();
    if (!number) return;
    load(shardOf(number), function (certs) {
      var c = certs && Object.prototype.hasOwnProperty.call(certs, number) ? certs[number] : null;
      if (c) render(c); else notFound(number);
    });
  }
  form.addEventListener('submit', function (ev) {
    ev.preventDefault();
    var n = input.value.replace(/\s+/g, '').toUpperCase();
    history.replaceState(null, '', '?n=' + encodeURIComponent(n));
    lookup(n);
  });
  var q = new URLSearchParams(location.search).get('n');
  if (q) { input.value = q; lookup(q); }
})();
