// Heartwise's side of LTI client-side postMessage storage (1EdTech lti-cs-oidc, lti-pm-s), for the
// login and launch pages of io.heartwise.lti.LaunchPages. What the page holds is in #lti-storage:
//   data-mode="put": keep state and nonce with the platform, then go on to its sign-in (#lti-continue);
//   data-mode="get": read them back, and go on (#lti-continue) only when both are this launch's.
// Every request goes to the platform's storage frame with the platform's OIDC origin as target
// origin; an answer counts only from that origin and with the message_id we sent. lti.capabilities
// is asked first: a platform that answers it names the frame to use, or says it stores nothing.
(function () {
  'use strict';
  var config = document.getElementById('lti-storage');
  if (!config) { return; }
  var mode = config.getAttribute('data-mode');
  var platformOrigin = config.getAttribute('data-origin');
  var state = config.getAttribute('data-state');
  var nonce = config.getAttribute('data-nonce');
  var platform = window.opener || (window.parent !== window ? window.parent : null);
  var CAPABILITIES_WAIT = 1000;
  var ANSWER_WAIT = 5000;

  function messageId() {
    if (window.crypto && typeof window.crypto.randomUUID === 'function') { return window.crypto.randomUUID(); }
    var bytes = new Uint8Array(16);
    window.crypto.getRandomValues(bytes);
    return Array.prototype.map.call(bytes, function (b) { return (b < 16 ? '0' : '') + b.toString(16); }).join('');
  }

  // Sends one message and waits for its answer: calls done(answer) or fail(reason), once.
  function ask(target, targetOrigin, message, accept, wait, done, fail) {
    var id = messageId();
    var settled = false;
    message.message_id = id;
    function listener(event) {
      var answer = event.data;
      if (settled || !answer || typeof answer !== 'object' || answer.message_id !== id
          || answer.subject !== message.subject + '.response' || !accept(event)) {
        return;
      }
      settle();
      if (answer.error) {
        fail(message.subject + ': ' + (answer.error.code || 'error') + (answer.error.message ? ' (' + answer.error.message + ')' : ''));
      } else {
        done(answer);
      }
    }
    var timer = setTimeout(function () {
      if (!settled) { settle(); fail(message.subject + ': no answer'); }
    }, wait);
    function settle() {
      settled = true;
      clearTimeout(timer);
      window.removeEventListener('message', listener);
    }
    window.addEventListener('message', listener);
    try {
      target.postMessage(message, targetOrigin);
    } catch (e) {
      settle();
      fail(message.subject + ': ' + e.message);
    }
  }

  function fromPlatform(event) {
    return event.origin === platformOrigin;
  }

  // The storage frame: the one lti.capabilities names, else lti_storage_target's; null when the platform stores nothing.
  function storageFrame(done) {
    var named = config.getAttribute('data-target');
    function frame(name) {
      if (!name || name === '_parent') { return platform; }
      try { return platform.frames[name] || null; } catch (e) { return null; }
    }
    // The window that embeds us answers lti.capabilities; its origin is the course site's, which we do not know.
    ask(platform, '*', { subject: 'lti.capabilities' }, function (event) { return event.source === platform; }, CAPABILITIES_WAIT,
      function (answer) {
        var offered = null;
        (answer.supported_messages || []).forEach(function (supported) {
          if (supported && (supported.subject === 'lti.put_data' || supported.subject === 'lti.get_data') && offered === null) {
            offered = supported.frame || named;
          }
        });
        done(offered === null ? null : frame(offered));
      },
      function () { done(frame(named)); });
  }

  function put(frame, key, value, done, fail) {
    ask(frame, platformOrigin, { subject: 'lti.put_data', key: key, value: value }, fromPlatform, ANSWER_WAIT, done, fail);
  }

  function get(frame, key, done, fail) {
    ask(frame, platformOrigin, { subject: 'lti.get_data', key: key }, fromPlatform, ANSWER_WAIT,
      function (answer) { done(answer.value); }, fail);
  }

  function goOn() {
    var next = document.getElementById('lti-continue');
    if (next.tagName === 'FORM') {
      next.submit();
    } else {
      location.replace(next.href);
    }
  }

  function refuse(reason) {
    var status = document.getElementById('lti-status');
    if (status) { status.textContent = status.getAttribute('data-failed') + ' (' + reason + ')'; }
    var failed = document.getElementById('lti-failed');
    if (failed) { failed.hidden = false; }
  }

  if (!platform) {
    // Not inside the platform's page: no storage to use.
    if (mode === 'put') { goOn(); } else { refuse('no platform window'); }
    return;
  }
  storageFrame(function (frame) {
    if (mode === 'put') {
      // Whatever happens, go on to the sign-in: the state cookie may still bind the launch.
      if (!frame) { goOn(); return; }
      put(frame, 'heartwise-state-' + state, state, function () {
        put(frame, 'heartwise-nonce-' + nonce, nonce, goOn, goOn);
      }, goOn);
      return;
    }
    if (!frame) { refuse('the platform offers no storage'); return; }
    get(frame, 'heartwise-state-' + state, function (storedState) {
      if (storedState !== state) { refuse('the state is not this browser\'s'); return; }
      get(frame, 'heartwise-nonce-' + nonce, function (storedNonce) {
        if (storedNonce !== nonce) { refuse('the nonce is not this browser\'s'); return; }
        goOn();
      }, refuse);
    }, refuse);
  });
}());
