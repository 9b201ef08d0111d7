/* verify.js: the verification page of the register's public site (src/publish/). The
 * browser computes the SHA-256 of the file a person gives (WebCrypto; the file never leaves
 * the browser) and looks it up in data/d/HH.js, HH the digest's first two hex digits, each
 * calling hdregDigestShard(HH, {SHA256: document}). With an inclusion proof (the HDIP1 file
 * hdreg ledger prove writes, docs/verification.md section 7) it also checks that the proof's
 * entry records this file's SHA-256, that its audit path leads to the root of a published
 * checkpoint (RFC 9162 2.1.3.2) and that the checkpoint is signed with the authority's key
 * (C2SP signed note, Ed25519; data/site.js qr_key, checkpoints). hdregVerify.check(bytes,
 * proof) is what the page's own fields and drop zone call. Everything shown is set as text. */
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
  function sha(parts) {
    var n = 0, i, o = 0;
    for (i = 0; i < parts.length; i++) n += parts[i].length;
    var all = new Uint8Array(n);
    for (i = 0; i < parts.length; i++) { all.set(parts[i], o); o += parts[i].length; }
    return crypto.subtle.digest('SHA-256', all).then(function (d) { return new Uint8Array(d); });
  }
  function same(a, b) {
    if (a.length !== b.length) return false;
    for (var i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
    return true;
  }
  function unb64(t) {
    try { return Uint8Array.from(atob(t), function (c) { return c.charCodeAt(0); }); } catch (e) { return null; }
  }
  /* HDIP1, tree size u64, leaf index u64, entry length u16, entry, count u8, the path. */
  function readProof(b) {
    var magic = String.fromCharCode.apply(null, b.subarray(0, 5));
    if (b.length < 24 || magic !== 'HDIP1') return null;
    function u64(o) { var v = 0; for (var i = 0; i < 8; i++) v = v * 256 + b[o + i]; return v; }
    var size = u64(5), index = u64(13), len = b[21] * 256 + b[22];
    if (23 + len + 1 > b.length) return null;
    var entry = b.subarray(23, 23 + len), count = b[23 + len], at = 24 + len;
    if (at + 32 * count !== b.length || index >= size) return null;
    var path = [];
    for (var i = 0; i < count; i++) path.push(b.subarray(at + 32 * i, at + 32 * i + 32));
    return { size: size, index: index, entry: entry, path: path };
  }
  /* RFC 9162 2.1.3.2: the root the path leads to from the leaf hash, or null. */
  function rootOf(index, size, leaf, path) {
    var fn = index, sn = size - 1, r = Promise.resolve(leaf), ok = true;
    path.forEach(function (p) {
      if (!ok) return;
      if (sn === 0) { ok = false; return; }
      if (fn % 2 === 1 || fn === sn) {
        r = r.then(function (x) { return sha([new Uint8Array([1]), p, x]); });
        if (fn % 2 === 0) while (fn % 2 === 0 && fn !== 0) { fn = Math.floor(fn / 2); sn = Math.floor(sn / 2); }
      } else {
        r = r.then(function (x) { return sha([new Uint8Array([1]), x, p]); });
      }
      fn = Math.floor(fn / 2); sn = Math.floor(sn / 2);
    });
    return ok && sn === 0 ? r : Promise.resolve(null);
  }
  /* A published checkpoint of this size whose signature the authority's key makes. */
  function checkpointOf(size) {
    var notes = (site.checkpoints || []).filter(function (c) {
      return c.body.split('\n')[1] === String(size);
    });
    if (!notes.length || !site.qr_key) return Promise.resolve(null);
    var c = notes[notes.length - 1], lines = c.body.split('\n'), origin = lines[0];
    var date = (lines.filter(function (l) { return l.indexOf('date ') === 0; })[0] || '').slice(5);
    var key = new Uint8Array(32);
    for (var i = 0; i < 32; i++) key[i] = parseInt(site.qr_key.substr(2 * i, 2), 16);
    var enc = new TextEncoder();
    return sha([enc.encode(origin + '\n'), new Uint8Array([1]), key]).then(function (kh) {
      var sig = null;
      c.sigs.split('\n').forEach(function (l) {
        var w = l.split(' '), blob = w.length === 3 && w[0] === '\u2014' && w[1] === origin ? unb64(w[2]) : null;
        if (blob && blob.length === 68 && same(blob.subarray(0, 4), kh.subarray(0, 4))) sig = blob.subarray(4);
      });
      if (!sig) return null;
      return crypto.subtle.importKey('raw', key, { name: 'Ed25519' }, false, ['verify']).then(function (k) {
        return crypto.subtle.verify({ name: 'Ed25519' }, k, sig, enc.encode(c.body));
      }).then(function (good) {
        return good ? { size: size, root: unb64(lines[2]), date: date } : null;
      });
    }).catch(function () { return null; });
  }
  function proofVerdict(verdict, title, text) {
    var sec = el('section', 'card proof');
    sec.setAttribute('data-proof', verdict);
    sec.appendChild(el('h3', null, title));
    sec.appendChild(el('p', null, text));
    out.appendChild(sec);
    return verdict;
  }
  /* The inclusion proof p (bytes) of the document whose SHA-256 is h. */
  function checkProof(p, h) {
    var pr = readProof(p);
    if (!pr) return Promise.resolve(proofVerdict('bad', '包含证明无法读取', '所给文件不是登记簿的包含证明（HDIP1）或已损坏。'));
    var entry = null;
    try { entry = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(pr.entry)); } catch (e) { entry = null; }
    var row = entry && entry[0] === 'row' && entry[1] === 'documents' && Array.isArray(entry[3]) ? entry[3] : null;
    if (!row || row[6] !== h)
      return Promise.resolve(proofVerdict('bad', '包含证明与文件不符', '该证明所证明的登记簿条目不是这份文件的记录：它记录的文书SHA-256与所选文件不同。'));
    return sha([new Uint8Array([0]), pr.entry]).then(function (leaf) {
      return Promise.all([rootOf(pr.index, pr.size, leaf, pr.path), checkpointOf(pr.size)]);
    }).then(function (r) {
      if (!r[1])
        return proofVerdict('bad', '包含证明无从核对', '本网站没有登记机构签名公布的、含' + pr.size + '条条目的检查点。');
      if (!r[0] || !same(r[0], r[1].root))
        return proofVerdict('bad', '包含证明无效', '审计路径不能从该条目推出检查点的树根：证明已被改动，或不属于该检查点。');
      return proofVerdict('valid', '包含证明有效', '该文书记录于登记簿第' + (pr.index + 1) + '条，包含在登记机构' +
        (r[1].date ? '于' + r[1].date : '') + '签名公布的检查点（共' + pr.size + '条）中（RFC 9162）。');
    });
  }
  function check(bytes, proof) {
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
          var verdict = out.getAttribute('data-verdict');
          if (!proof) resolve(verdict);
          else checkProof(new Uint8Array(proof), h).then(function () { resolve(verdict); });
        });
      });
    });
  }
  window.hdregVerify = { check: check };
  var input = document.getElementById('file');
  var proofInput = document.getElementById('proof');
  var pdf = null, proofFile = null;
  function again() {
    if (!pdf) return;
    (proofFile ? proofFile.arrayBuffer() : Promise.resolve(null)).then(function (pb) {
      return pdf.arrayBuffer().then(function (b) { return check(b, pb); });
    });
  }
  /* Files given or dropped: a .proof file is the inclusion proof, any other the document. */
  function take(files) {
    for (var i = 0; i < files.length; i++) {
      if (/\.proof$/i.test(files[i].name)) proofFile = files[i];
      else pdf = files[i];
    }
    again();
  }
  if (input) input.addEventListener('change', function () { take(input.files); });
  if (proofInput) proofInput.addEventListener('change', function () { take(proofInput.files); });
  var drop = document.getElementById('drop');
  if (drop) {
    drop.addEventListener('dragover', function (ev) { ev.preventDefault(); drop.classList.add('over'); });
    drop.addEventListener('dragleave', function () { drop.classList.remove('over'); });
    drop.addEventListener('drop', function (ev) {
      ev.preventDefault();
      drop.classList.remove('over');
      take(ev.dataTransfer.files);
    });
  }
})();
