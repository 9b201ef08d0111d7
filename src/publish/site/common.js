/* common.js: what the lookup and verification pages of the register's public site
 * (src/publish/) share, loaded before either. Data shards are script files, not fetch():
 * a browser reads them from a file URL too. */
'use strict';
window.hdregLib = {
  /* A loader of the shards in folder dir, each a script calling window[callback](name,
   * data): load(name, cb) calls cb(data), or cb(null) when the shard is not there. */
  shards: function (dir, callback) {
    var waiting = {};
    window[callback] = function (name, data) {
      var cb = waiting[name];
      delete waiting[name];
      if (cb) cb(data);
    };
    return function load(name, cb) {
      waiting[name] = cb;
      var s = document.createElement('script');
      s.src = dir + name + '.js';
      s.onerror = function () { delete waiting[name]; cb(null); };
      document.head.appendChild(s);
    };
  },
  /* An element with a class and a text (set as text, never as HTML). */
  el: function (tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined && text !== null) e.textContent = text;
    return e;
  }
};
