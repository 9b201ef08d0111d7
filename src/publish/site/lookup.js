/* lookup.js: certificate lookup of the register's public site (src/publish/). The
 * certificates are in data/c/KKKK.js, shard KKKK = FNV-1a (32 bits) of the number's UTF-8
 * bytes modulo the shard count of data/site.js, each calling hdregCertShard(KKKK, {NUMBER:
 * certificate}), loaded through common.js.
 * Opened from a certificate's QR code (lookup.html?n=NUMBER#HDREG1:NUMBER:SHA256:SIGNATURE,
 * docs/verification.md section 4), it also checks the code: that it names this certificate
 * and that its Ed25519 signature is the authority's (WebCrypto, with data/site.js qr_key),
 * and shows the verification code to compare with the one printed beside the QR code.
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
  var B32 = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
  /* Crockford base32 (as src/pdf/sign.c writes it) to n bytes, or null. */
  function unbase32(t, n) {
    var out = new Uint8Array(n), bit = 0;
    for (var i = 0; i < t.length; i++) {
      var v = B32.indexOf(t.charAt(i));
      if (v < 0) return null;
      for (var j = 4; j >= 0; j--, bit++)
        if (bit < n * 8 && ((v >> j) & 1)) out[bit >> 3] |= 0x80 >> (bit & 7);
    }
    return bit >= n * 8 && bit < n * 8 + 5 ? out : null;
  }
  /* The verification code printed on the certificate: the first 80 bits of the record's
   * SHA-256 (upper-case hex in the QR code) in base32, four groups of four. */
  function code(hex) {
    var s = '';
    for (var i = 0; i < 16; i++) {
      var v = 0;
      for (var j = 0; j < 5; j++) {
        var b = i * 5 + j;
        v = v << 1 | ((parseInt(hex.charAt(b >> 2), 16) >> (3 - (b & 3))) & 1);
      }
      s += (i && i % 4 === 0 ? '-' : '') + B32.charAt(v);
    }
    return s;
  }
  function qrVerdict(verdict, title, text) {
    var sec = el('section', 'card qr');
    sec.setAttribute('data-qr', verdict);
    sec.appendChild(el('h3', null, title));
    sec.appendChild(el('p', null, text));
    out.insertBefore(sec, out.firstChild); /* above the certificate: what the scan asked */
  }
  /* The part after '#' of a QR code's address, checked against the certificate shown. */
  function checkQr(number) {
    var frag = location.hash.slice(1);
    if (frag.indexOf('HDREG') !== 0) return;
    var parts = frag.split(':');
    if (parts.length !== 4 || parts[0] !== 'HDREG1' || !/^[0-9A-F]{64}$/.test(parts[2])) {
      qrVerdict('bad', '二维码无法识别', '地址“#”之后不是本登记簿证书二维码的内容。');
      return;
    }
    if (parts[1] !== number) {
      qrVerdict('bad', '二维码与所查证书不一致', '二维码所载证书编号为“' + parts[1] + '”，而地址查询的是“' +
        number + '”：这不是登记机构为该证书签发的二维码。');
      return;
    }
    var sig = unbase32(parts[3], 64);
    if (!site.qr_key || !window.crypto || !crypto.subtle || !sig) {
      qrVerdict(sig ? 'unchecked' : 'bad', sig ? '二维码签名未核验' : '二维码签名已损坏', sig
        ? '本页无法在此浏览器中核验二维码签名；可用登记机构公布的公钥离线核验（hdreg verify --qr）。'
        : '二维码的签名部分已损坏：不是登记机构签发的二维码，或已被改动。');
      return;
    }
    var raw = new Uint8Array(32);
    for (var i = 0; i < 32; i++) raw[i] = parseInt(site.qr_key.substr(2 * i, 2), 16);
    crypto.subtle.importKey('raw', raw, { name: 'Ed25519' }, false, ['verify']).then(function (key) {
      return crypto.subtle.verify({ name: 'Ed25519' }, key, sig,
        new TextEncoder().encode(parts.slice(0, 3).join(':')));
    }).then(function (ok) {
      if (ok)
        qrVerdict('valid', '二维码签名有效', '该二维码由登记机构为证书' + number + '签发。证书上印的核验码应为 ' +
          code(parts[2]) + '；不一致的，纸面证书已被改动。');
      else
        qrVerdict('bad', '二维码签名无效', '二维码的签名与登记机构的公钥不符：不是登记机构签发的二维码，或已被改动。');
    }, function () {
      qrVerdict('unchecked', '二维码签名未核验', '此浏览器的WebCrypto不支持Ed25519；可用登记机构公布的公钥离线核验（hdreg verify --qr）。');
    });
  }
  function lookup(raw) {
    var number = raw.replace(/\s+/g, '').toUpperCase();
    if (!number) return;
    load(shardOf(number), function (certs) {
      var c = certs && Object.prototype.hasOwnProperty.call(certs, number) ? certs[number] : null;
      if (c) render(c); else notFound(number);
      if (c) checkQr(number);
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
