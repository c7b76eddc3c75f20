// Heartwise pages: the learner's token, quizzes graded by the JSON API, progress, and iframe resizing.
// Plain script, no framework and no third-party request. Every text comes from the page's message
// bundle (data-messages); everything the server sends is put in with textContent, never as HTML.
(function () {
  'use strict';
  var body = document.body;
  var api = body.getAttribute('data-api');
  var messages = JSON.parse(body.getAttribute('data-messages') || '{}');
  var TOKEN_KEY = 'heartwise.token';
  var staffPage = /\/instructor(\/|$)/.test(location.pathname.slice((body.getAttribute('data-root') || '/').length - 1));
  var token = null;

  function t(key) {
    var args = arguments;
    return (messages[key] || key).replace(/\{(\d+)\}/g, function (all, index) {
      var value = args[Number(index) + 1];
      return value === undefined ? all : String(value);
    });
  }

  function storage() {
    try { return window.sessionStorage; } catch (e) { return null; }
  }

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) { node.className = className; }
    if (text !== undefined) { node.textContent = text; }
    return node;
  }

  function percent(scaled) {
    return Math.round(scaled * 1000) / 10;
  }

  function points(value) {
    return Math.round(value * 100) / 100;
  }

  // --- Who the learner is --------------------------------------------------------------------
  // A host hands over a bearer token in the fragment (#token=...), which no browser sends to a
  // server or puts in a Referer; it is removed from the address and the history at once. Or the
  // framing page posts {type: "heartwise.token", token} to this window.
  function readToken() {
    var match = /(?:^|[#&])token=([^&]+)/.exec(location.hash);
    if (match) {
      token = decodeURIComponent(match[1]);
      var rest = location.hash.replace(/(^#|&)token=[^&]*/, '').replace(/^#&?/, '');
      history.replaceState(history.state, '', location.pathname + location.search + (rest ? '#' + rest : ''));
      remember(token);
    } else {
      var store = storage();
      token = store ? store.getItem(TOKEN_KEY) : null;
    }
  }

  function remember(value) {
    var store = storage();
    if (!store) { return; }
    try {
      if (value) { store.setItem(TOKEN_KEY, value); } else { store.removeItem(TOKEN_KEY); }
    } catch (e) { /* a tab that cannot keep it: links carry it instead */ }
  }

  function learnerName() {
    try {
      var payload = token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
      return JSON.parse(decodeURIComponent(escape(atob(payload)))).sub || '';
    } catch (e) {
      return '';
    }
  }

  function signOut(reason) {
    token = null;
    remember(null);
    showWho();
    quizzes.forEach(function (quiz) { quiz.setMode(); });
    if (reason) { announceAll(reason); }
  }

  function showWho() {
    var who = document.getElementById('who');
    if (!who) { return; }
    who.hidden = false;
    who.textContent = token ? t(staffPage ? 'who.staff' : 'who.learner', learnerName()) : t('who.anonymous');
  }

  window.addEventListener('message', function (event) {
    var data = event.data;
    if (event.source !== window.parent || window.parent === window || !data || data.type !== 'heartwise.token'
        || typeof data.token !== 'string') {
      return;
    }
    token = data.token;
    remember(token);
    showWho();
    quizzes.forEach(function (quiz) { quiz.setMode(); });
    loadProgress();
    openStaffPage();
  });

  // --- Calling the API ---------------------------------------------------------------------
  function call(method, path, payload, extraHeaders) {
    var headers = { 'Accept': 'application/json' };
    if (payload !== undefined) { headers['Content-Type'] = 'application/json'; }
    if (token && !/\/practice$/.test(path)) { headers.Authorization = 'Bearer ' + token; }
    Object.keys(extraHeaders || {}).forEach(function (name) { headers[name] = extraHeaders[name]; });
    return fetch(api + path, {
      method: method, headers: headers, credentials: 'omit', cache: 'no-store', referrerPolicy: 'no-referrer',
      body: payload === undefined ? undefined : JSON.stringify(payload)
    }).then(function (response) {
      return response.json().catch(function () { return {}; }).then(function (json) {
        if (response.status === 401 && token) { signOut(t('expired')); }
        return { status: response.status, ok: response.ok, body: json };
      });
    });
  }

  function newKey() {
    if (window.crypto && crypto.randomUUID) { return crypto.randomUUID(); }
    return String(Date.now()) + '-' + String(Math.random()).slice(2);
  }

  // --- Progress ------------------------------------------------------------------------------
  // Per section: read, quiz tried, quiz passed. For a learner with a token it comes from their
  // attempts on the server; an anonymous reader's stays in this tab.
  var reader = document.querySelector('.reader');
  var lessonId = reader ? reader.getAttribute('data-lesson') : null;
  var current = document.querySelector('[data-current]');
  var PROGRESS_KEY = 'heartwise.progress.' + lessonId;

  function localProgress() {
    var store = storage();
    try { return JSON.parse((store && store.getItem(PROGRESS_KEY)) || '{}'); } catch (e) { return {}; }
  }

  function saveLocal(section, state) {
    var all = localProgress();
    var entry = all[section] || {};
    Object.keys(state).forEach(function (name) { entry[name] = entry[name] || state[name]; });
    all[section] = entry;
    var store = storage();
    try { if (store) { store.setItem(PROGRESS_KEY, JSON.stringify(all)); } } catch (e) { /* kept in the page only */ }
    pageProgress[section] = entry;
    showProgress();
  }

  var pageProgress = {};
  var serverProgress = {};

  function showProgress() {
    var stored = localProgress();
    document.querySelectorAll('[data-progress-for]').forEach(function (item) {
      var section = item.getAttribute('data-section');
      var quizId = item.getAttribute('data-progress-for');
      var state = {};
      [stored[section], pageProgress[section], serverProgress[quizId]].forEach(function (source) {
        Object.keys(source || {}).forEach(function (name) { state[name] = state[name] || source[name]; });
      });
      var label = state.passed ? t('state.passed') : state.tried ? t('state.tried') : state.read ? t('state.read') : t('state.new');
      var mark = item.querySelector('[data-state]');
      mark.textContent = label;
      mark.setAttribute('data-value', state.passed ? 'passed' : state.tried ? 'tried' : state.read ? 'read' : 'new');
    });
    var note = document.querySelector('[data-progress-note]');
    if (note && token) { note.textContent = t('progress.server'); }
  }

  function loadProgress() {
    if (!reader || !token) { showProgress(); return; }
    var items = Array.prototype.slice.call(document.querySelectorAll('[data-progress-for]'));
    Promise.all(items.map(function (item) {
      var quizId = item.getAttribute('data-progress-for');
      return call('GET', 'quizzes/' + encodeURIComponent(quizId) + '/attempts').then(function (answer) {
        if (answer.ok && answer.body.attempts) {
          var attempts = answer.body.attempts;
          serverProgress[quizId] = {
            read: attempts.length > 0, tried: attempts.length > 0,
            passed: attempts.some(function (attempt) { return attempt.passed; })
          };
        }
      }, function () { /* offline: the tab's own progress stays */ });
    })).then(showProgress);
  }

  // --- Quizzes -------------------------------------------------------------------------------
  var quizzes = [];

  function Quiz(section) {
    var form = section.querySelector('[data-quiz-form]');
    var quizId = section.getAttribute('data-quiz');
    var practice = section.getAttribute('data-practice') === 'on';
    var submit = form.querySelector('[data-submit]');
    var retry = form.querySelector('[data-retry]');
    var outcome = section.querySelector('[data-outcome]');
    var errors = section.querySelector('[data-errors]');
    var mode = section.querySelector('[data-mode]');
    var startedAt = new Date().toISOString();
    var busy = false;

    function questions() {
      return Array.prototype.slice.call(form.querySelectorAll('[data-question]'))
        .filter(function (fieldset) { return !fieldset.hidden; });
    }

    // A learner answers the form of their next attempt, which the server decides and grades against:
    // the questions it shows (a review draws some of its pool) with the choices in that attempt's
    // order. It is the same on a reload, and a new one after each attempt.
    function applyForm() {
      if (!token) { return; }
      call('GET', 'quizzes/' + encodeURIComponent(quizId) + '/attempts/next').then(function (answer) {
        if (!answer.ok || !answer.body || !answer.body.quiz) { return; }
        var shown = answer.body.quiz.questions;
        var anchor = form.querySelector('[data-outcome]');
        var all = form.querySelectorAll('[data-question]');
        var drawn = section.querySelector('[data-drawn]');
        if (shown.length < all.length && !drawn) {
          drawn = el('p', 'facts');
          drawn.setAttribute('data-drawn', '');
          section.querySelector('.facts').insertAdjacentElement('afterend', drawn);
        }
        if (drawn) { drawn.textContent = t('drawn', shown.length, all.length); }
        Array.prototype.slice.call(all).forEach(function (fieldset) {
          fieldset.hidden = true;
          fieldset.disabled = true;
        });
        shown.forEach(function (question, index) {
          var fieldset = form.querySelector('[data-question="' + CSS.escape(question.id) + '"]');
          if (!fieldset) { return; }
          fieldset.hidden = false;
          fieldset.disabled = false;
          form.insertBefore(fieldset, anchor);
          var number = fieldset.querySelector('.number');
          if (number) { number.textContent = t('number', index + 1, shown.length); }
          var result = fieldset.querySelector('[data-result]');
          question.choices.forEach(function (choice) {
            var control = document.getElementById(fieldset.id + '--' + choice.id);
            if (control && control.parentNode.parentNode === fieldset) { fieldset.insertBefore(control.parentNode, result); }
          });
        });
      }, function () { /* offline: the quiz as the page shows it */ });
    }

    function textOf(fieldset, choiceId) {
      var control = fieldset.querySelector('[value="' + CSS.escape(choiceId) + '"], [data-item="' + CSS.escape(choiceId) + '"]');
      var label = control && form.querySelector('label[for="' + CSS.escape(control.id) + '"]');
      return label ? label.textContent : choiceId;
    }

    function categoryText(fieldset, categoryId) {
      var option = fieldset.querySelector('option[value="' + CSS.escape(categoryId) + '"]');
      return option ? option.textContent : categoryId;
    }

    // The answers as the API takes them; a question left wholly empty is left out (it scores 0).
    function collect() {
      var answers = [];
      var problems = [];
      questions().forEach(function (fieldset) {
        var id = fieldset.getAttribute('data-question');
        var type = fieldset.getAttribute('data-type');
        if (type === 'ordering' || type === 'matching') {
          var selects = Array.prototype.slice.call(fieldset.querySelectorAll('select'));
          var chosen = selects.filter(function (select) { return select.value !== ''; });
          if (chosen.length === 0) { return; }
          if (type === 'ordering') {
            var positions = chosen.map(function (select) { return select.value; });
            var distinct = positions.filter(function (value, index) { return positions.indexOf(value) === index; });
            if (chosen.length !== selects.length || distinct.length !== selects.length) {
              problems.push({ fieldset: fieldset, text: t('errorOrder') });
              return;
            }
            var order = selects.slice().sort(function (a, b) { return Number(a.value) - Number(b.value); })
              .map(function (select) { return select.getAttribute('data-item'); });
            answers.push({ questionId: id, order: order });
          } else {
            if (chosen.length !== selects.length) {
              problems.push({ fieldset: fieldset, text: t('errorMatch') });
              return;
            }
            var matches = {};
            selects.forEach(function (select) { matches[select.getAttribute('data-item')] = select.value; });
            answers.push({ questionId: id, matches: matches });
          }
        } else {
          var selected = Array.prototype.slice.call(fieldset.querySelectorAll('input:checked'))
            .map(function (input) { return input.value; });
          if (selected.length > 0) { answers.push({ questionId: id, selected: selected }); }
        }
      });
      return { answers: answers, problems: problems };
    }

    function showErrors(problems) {
      errors.textContent = '';
      if (problems.length === 0) { errors.hidden = true; return; }
      errors.appendChild(el('h3', null, t('errorsHeading')));
      var list = el('ul');
      problems.forEach(function (problem) {
        var item = el('li');
        var link = el('a', null, problem.fieldset.querySelector('legend').textContent.trim() + ': ' + problem.text);
        link.href = '#' + problem.fieldset.id;
        item.appendChild(link);
        list.appendChild(item);
      });
      errors.appendChild(list);
      errors.hidden = false;
      errors.focus();
    }

    function setDisabled(disabled) {
      questions().forEach(function (fieldset) { fieldset.disabled = disabled; });
    }

    function clearResults() {
      questions().forEach(function (fieldset) {
        var result = fieldset.querySelector('[data-result]');
        result.textContent = '';
        result.hidden = true;
        fieldset.removeAttribute('data-verdict');
      });
    }

    // The key as the learner reads it: a numbered list for an order, "item → category" for matches.
    function answerList(fieldset, answer) {
      var list = el(answer.order ? 'ol' : 'ul', 'key');
      var lines = answer.order ? answer.order.map(function (id) { return textOf(fieldset, id); })
        : answer.matches ? Object.keys(answer.matches).map(function (id) {
          return textOf(fieldset, id) + ' → ' + categoryText(fieldset, answer.matches[id]);
        }) : (answer.selected || []).map(function (id) { return textOf(fieldset, id); });
      lines.forEach(function (line) { list.appendChild(el('li', null, line)); });
      return list;
    }

    function showResult(result) {
      var byId = {};
      result.questions.forEach(function (question) { byId[question.questionId] = question; });
      questions().forEach(function (fieldset) {
        var question = byId[fieldset.getAttribute('data-question')];
        var box = fieldset.querySelector('[data-result]');
        if (!question) { return; }
        var verdict = !question.answered ? t('unanswered') : question.correct ? t('correct')
          : question.points > 0 ? t('partly', points(question.points), points(question.maxPoints)) : t('wrong', points(question.maxPoints));
        fieldset.setAttribute('data-verdict', !question.answered ? 'unanswered' : question.correct ? 'correct' : question.points > 0 ? 'partly' : 'wrong');
        box.appendChild(el('p', 'verdict', verdict));
        if (question.feedback && question.feedback.length) {
          box.appendChild(el('h4', null, t('feedback')));
          var list = el('ul', 'feedback');
          question.feedback.forEach(function (item) {
            var entry = el('li');
            entry.appendChild(el('strong', null, item.text));
            entry.appendChild(document.createTextNode(' ' + item.feedback));
            list.appendChild(entry);
          });
          box.appendChild(list);
        }
        if (question.explanation) {
          box.appendChild(el('h4', null, t('explanation')));
          box.appendChild(el('p', null, question.explanation));
        }
        if (question.correctAnswer) {
          box.appendChild(el('h4', null, t('correctAnswer')));
          box.appendChild(answerList(fieldset, question.correctAnswer));
        }
        box.hidden = false;
      });
    }

    function summary(result, list) {
      var lines = [t('score', points(result.score), points(result.maxScore), percent(result.scaledScore)),
        result.passed ? t('passed', result.passMark) : t('failed', result.passMark)];
      if (!result.correctAnswersRevealed) { lines.push(t('keyWithheld')); }
      if (!result.id) {
        lines.push(t('practiceNote'));
      } else {
        lines.push(t('attemptNumber', result.attemptNumber));
        if (list) {
          if (list.grade !== null && list.grade !== undefined) { lines.push(t('counts.' + list.grading, percent(list.grade))); }
          lines.push(list.attemptsRemaining === null || list.attemptsRemaining === undefined ? t('attemptsUnlimited')
            : list.attemptsRemaining > 0 ? t('attemptsLeft', list.attemptsRemaining) : t('noAttemptsLeft'));
        }
      }
      return lines;
    }

    function announce(lines, passed) {
      outcome.textContent = '';
      outcome.setAttribute('data-passed', passed === undefined ? '' : String(passed));
      lines.forEach(function (line) { outcome.appendChild(el('p', null, line)); });
    }

    function fail(answer) {
      busy = false;
      submit.disabled = false;
      setDisabled(false);
      var detail = answer && answer.body && (answer.body.detail || answer.body.title);
      announce([answer ? t('failedRequest', detail || answer.status) : t('offline')]);
    }

    function send(event) {
      event.preventDefault();
      if (busy) { return; }
      var collected = collect();
      showErrors(collected.problems);
      if (collected.problems.length) { return; }
      busy = true;
      submit.disabled = true;
      announce([t('sending')]);
      var payload = { startedAt: startedAt, answers: collected.answers };
      var request = token
        ? call('POST', 'quizzes/' + encodeURIComponent(quizId) + '/attempts', payload, { 'Idempotency-Key': newKey() })
        : call('POST', 'quizzes/' + encodeURIComponent(quizId) + '/practice', payload);
      request.then(function (answer) {
        if (!answer.ok) { fail(answer); return; }
        var result = answer.body;
        clearResults();
        setDisabled(true);
        showResult(result);
        var section = current ? current.getAttribute('data-current') : null;
        if (section) { saveLocal(section, { read: true, tried: true, passed: result.passed }); }
        var listing = result.id ? call('GET', 'quizzes/' + encodeURIComponent(quizId) + '/attempts') : Promise.resolve(null);
        listing.then(function (list) {
          var attempts = list && list.ok ? list.body : null;
          busy = false;
          announce(summary(result, attempts), result.passed);
          var left = attempts ? attempts.attemptsRemaining : null;
          retry.hidden = left === 0;
          submit.hidden = true;
          outcome.focus();
          if (attempts) { serverProgress[quizId] = { read: true, tried: true, passed: attempts.attempts.some(function (a) { return a.passed; }) }; showProgress(); }
        }, function () { busy = false; announce(summary(result, null), result.passed); retry.hidden = false; submit.hidden = true; outcome.focus(); });
      }, function () { fail(null); });
    }

    function again() {
      clearResults();
      setDisabled(false);
      form.reset();
      startedAt = new Date().toISOString();
      retry.hidden = true;
      submit.hidden = false;
      submit.disabled = false;
      announce([]);
      applyForm();
      var first = form.querySelector('fieldset:not([hidden]) input, fieldset:not([hidden]) select');
      if (first) { first.focus(); }
    }

    this.setMode = function () {
      mode.textContent = token ? t('mode.learner') : practice ? t('mode.practice') : mode.textContent;
      submit.disabled = !token && !practice;
      applyForm();
    };
    this.announce = announce;

    form.addEventListener('submit', send);
    retry.addEventListener('click', again);
    this.setMode();
  }

  function announceAll(line) {
    quizzes.forEach(function (quiz) { quiz.announce([line]); });
  }

  // --- The demo platform: try the lessons as a learner -------------------------------------------
  function demo() {
    var form = document.getElementById('demo-form');
    if (!form) { return; }
    form.addEventListener('submit', function (event) {
      event.preventDefault();
      var name = form.querySelector('input').value.trim();
      var error = document.getElementById('demo-error');
      call('GET', 'demo/token?learner=' + encodeURIComponent(name)).then(function (answer) {
        if (!answer.ok) {
          error.textContent = t('demoFailed', (answer.body && answer.body.detail) || answer.status);
          error.hidden = false;
          return;
        }
        location.assign(form.getAttribute('data-lesson') + '#token=' + encodeURIComponent(answer.body.token));
      }, function () { error.textContent = t('offline'); error.hidden = false; });
    });
  }

  // --- Living in an iframe: the height follows the content ----------------------------------------
  // Posts LTI's lti.frameResize and our own heartwise.resize, which embed.js applies on a host page;
  // in a WordPress post, also the message WordPress's wp-embed.js applies, with the secret WordPress
  // put into the iframe's address (#?secret=).
  function resizer() {
    if (window.parent === window) { return; }
    var last = 0;
    var wordPress = /[#?&]secret=([A-Za-z0-9]+)/.exec(location.hash);
    function post() {
      var height = Math.ceil(document.documentElement.getBoundingClientRect().height);
      if (height === last) { return; }
      last = height;
      window.parent.postMessage({ subject: 'lti.frameResize', height: height }, '*');
      window.parent.postMessage({ type: 'heartwise.resize', height: height }, '*');
      if (wordPress) { window.parent.postMessage({ message: 'height', value: height, secret: wordPress[1] }, '*'); }
    }
    if (window.ResizeObserver) { new ResizeObserver(post).observe(document.documentElement); }
    window.addEventListener('load', post);
    post();
  }


  // --- Instructor pages ---------------------------------------------------------------------------
  // The server renders them for a bearer token. A browser's first request has none and gets the
  // 401 page; with a token in hand, the same address is asked again with it and the answer shown.
  function openStaffPage() {
    var pending = document.querySelector('[data-needs-token]');
    if (!pending || !token) { return; }
    var main = document.getElementById('main');
    main.setAttribute('aria-busy', 'true');
    pending.textContent = t('staff.loading');
    fetch(location.href.split('#')[0], {
      headers: { 'Accept': 'text/html', 'Authorization': 'Bearer ' + token },
      credentials: 'omit', cache: 'no-store', referrerPolicy: 'no-referrer'
    }).then(function (response) {
      if (response.status === 401) { token = null; remember(null); showWho(); }
      return response.text().then(function (html) {
        var page = new DOMParser().parseFromString(html, 'text/html');
        var fresh = page.getElementById('main');
        if (!fresh) { throw new Error('no page'); }
        document.title = page.title;
        main.replaceWith(document.importNode(fresh, true));
        body.setAttribute('data-staff-status', String(response.status));
        if (window.performance && performance.mark) { performance.mark('heartwise-staff-interactive'); }
      });
    }).catch(function () {
      main.removeAttribute('aria-busy');
      pending.textContent = t('staff.failed');
      body.setAttribute('data-staff-status', 'failed');
    });
  }

  // Exports need the token, which must never be in an address: fetched, then saved from a Blob.
  document.addEventListener('click', function (event) {
    var button = event.target.closest ? event.target.closest('[data-export]') : null;
    if (!button || !token) { return; }
    var status = document.querySelector('[data-export-status]');
    status.textContent = t('export.working');
    button.disabled = true;
    fetch(api + button.getAttribute('data-href'), {
      headers: { 'Authorization': 'Bearer ' + token }, credentials: 'omit', cache: 'no-store', referrerPolicy: 'no-referrer'
    }).then(function (response) {
      if (!response.ok) { throw new Error(String(response.status)); }
      var disposition = response.headers.get('Content-Disposition') || '';
      var named = /filename="?([^";]+)"?/.exec(disposition);
      var name = named ? named[1] : 'heartwise-export.' + button.getAttribute('data-export');
      return response.blob().then(function (blob) {
        var link = document.createElement('a');
        link.href = URL.createObjectURL(blob);
        link.download = name;
        document.body.appendChild(link);
        link.click();
        link.remove();
        setTimeout(function () { URL.revokeObjectURL(link.href); }, 10000);
        status.textContent = t('export.done', name);
      });
    }).catch(function (failure) {
      status.textContent = t('export.failed', failure.message);
    }).then(function () { button.disabled = false; });
  });
  // On a narrow screen the section list starts folded, so the section itself comes first.
  var sectionList = document.querySelector('[data-sections]');
  if (sectionList && window.matchMedia && window.matchMedia('(max-width: 59.99em)').matches) { sectionList.open = false; }

  readToken();
  showWho();
  openStaffPage();
  document.querySelectorAll('section.quiz').forEach(function (section) { quizzes.push(new Quiz(section)); });
  if (current && current.getAttribute('data-current') !== 'review') {
    pageProgress[current.getAttribute('data-current')] = { read: true };
    saveLocal(current.getAttribute('data-current'), { read: true });
  }
  loadProgress();
  demo();
  resizer();
  // The language an LMS launch named (?lang=) stays on the links between our pages.
  var lang = /[?&]lang=([^&]*)/.exec(location.search);
  if (lang) {
    document.querySelectorAll('a[href^="' + body.getAttribute('data-root') + '"]').forEach(function (link) {
      var url = new URL(link.href);
      url.searchParams.set('lang', decodeURIComponent(lang[1]));
      link.href = url.href;
    });
  }
  // Links between our pages carry the token where the tab cannot keep it.
  if (token && !storage()) {
    document.querySelectorAll('a[href^="' + body.getAttribute('data-root') + '"]').forEach(function (link) {
      link.href = link.href.split('#')[0] + '#token=' + encodeURIComponent(token);
    });
  }
  body.setAttribute('data-ready', 'true');
  if (window.performance && performance.mark) { performance.mark('heartwise-interactive'); }
}());
