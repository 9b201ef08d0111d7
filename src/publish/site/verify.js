/* verify.js: the verification page of the register's public site (src/publish/). The
 * browser computes the SHA-256 of the file a person gives (WebCrypto; the file never leaves
 * the browser) and looks it up in data/d/HH.js, HH the digest's first two hex digits, each
 * calling hdregDigestShard(HH, {SHA256: document}). hdregVerify.check(bytes) is what the
 * page's own file field and drop zone call. Everything shown is set as text. */
'use strict';
(function () {
  var site = window.hdregSite;
  var out = document.getElementById('result');
  var load = window.hdregLib.shards('data/d/', 'hdregDigestShard');
  var el = window.hdregLib.el;
  function show(verdict, title, lines, link) {
    while (out.firstChild) out.removeChild(out.firstChild);
    out.setAttribute('data-verdict', verdict);
    var sec = el('section', 'card');
    sec.appendChild(el('h2', null, title));
    lines.forEach(function (l) { sec.appendChild(el('p', l[1] || null, l[0])); });
    if (link) {
      var a = el('a', null, link[1]);
      a.href = link[0];
      var p = el('p');
      p.appendChild(a);
      sec.appendChild(p);
    }
    out.appendChild(sec);
  }
  function hex(buf) {
    var b = new Uint8Array(buf), s = '';
    for (var i = 0; i < b.length; i++) s += ('0' + b[i].toString(16)).slice(-2);
    return s;
  }
  function check(bytes) {
    if (!window.crypto || !crypto.subtle) {
      show('error', '无法核验', [['此浏览器不提供WebCrypto（SHA-256），请换用较新的浏览器。']]);
      return Promise.resolve('error');
    }
    return crypto.subtle.digest('SHA-256', bytes).then(function (d) {
      var h = hex(d);
      return new Promise(function (resolve) {
        load(h.slice(0, 2), function (docs) {
          var doc = docs && Object.prototype.hasOwnProperty.call(docs, h) ? docs[h] : null;
          var sum = ['SHA-256：' + h, 'hash'];
          if (!doc) {
            show('unknown', '不是本登记簿登记的文书', [sum, ['截至' + site.date +
              '，本登记簿没有字节与此文件完全相同的文书。文件哪怕改动一个字节，SHA-256也会不同。']]);
          } else if (doc.kind === 'certificate') {
            show('registered', '本登记簿登记的证书：' + doc.number, [sum, [doc.status_text]],
              ['lookup.html?n=' + encodeURIComponent(doc.number), '查看证书 ' + doc.number + ' 的状态和历史']);
          } else {
            show('registered', '本登记簿登记的' + doc.what, [sum, [doc.text]]);
          }
          resolve(out.getAttribute('data-verdict'));
        });
      });
    });
  }
  window.hdregVerify = { check: check };
  function take(file) {
    if (!file) return;
    file.arrayBuffer().then(check);
  }
  var input = document.getElementById('file');
  var drop = document.getElementById('drop');
  if (input) input.addEventListener('change', function () { take(input.files[0]); });
  if (drop) {
    drop.addEventListener('dragover', function (ev) { ev.preventDefault(); drop.classList.add('over'); });
    drop.addEventListener('dragleave', function () { drop.classList.remove('over'); });
    drop.addEventListener('drop', function (ev) {
      ev.preventDefault();
      drop.classList.remove('over');
      take(ev.dataTransfer.files[0]);
    });
  }
})();
