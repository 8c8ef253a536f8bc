/*
 * consult.js: what a script adds to two pages of the online consultation
 * (政务在线咨询, xslt/consult-citizen.xsl), which both work fully without
 * it.  Loaded with defer on those pages only; the Content-Security-Policy
 * allows scripts from the site alone, so nothing here is inline.
 *
 * The ask page: as the citizen types the subject (400 ms after the last
 * key, two characters at least, not in the middle of an input method's
 * composition), the published answers like it are fetched from
 * {mount}suggest?q=…&format=xml and listed in the polite live region
 * #consult-suggest, each a link to {mount}answers/{id}.
 *
 * The conversation page: every ten seconds, while the page is visible,
 * {mount}q/{no}/poll?after={last id}&format=xml is fetched with the last
 * ETag in If-None-Match.  304: nothing changed.  200: each new <message>
 * of <thread> is appended to the list #thread, and the last id taken from
 * <poll last="">; when the state becomes answered or closed, the page is
 * reloaded to show the link to rate the answer, unless a follow-up is
 * being typed (a message says so instead).  The words come from the page's data-*
 * attributes, so that they stay in the catalogues; text is put in with
 * textContent only, never as markup.
 */
(function () {
	'use strict';

	var SUGGEST_DELAY = 400;	/* ms after the last key */
	var SUGGEST_MIN = 2;		/* characters before asking */
	var POLL_EVERY = 10000;		/* ms between polls */

	if (!window.fetch || !window.DOMParser || !document.getElementById)
		return;

	/* The XML of a response's text, or null when it is not XML. */
	function parseXml(text) {
		var doc = new DOMParser().parseFromString(text, 'application/xml');

		if (!doc || !doc.documentElement ||
		    doc.getElementsByTagName('parsererror').length > 0)
			return null;
		return doc;
	}

	/* The text of el's first child element named name, or ''. */
	function childText(el, name) {
		var c;

		for (c = el.firstChild; c !== null; c = c.nextSibling)
			if (c.nodeType === 1 && c.nodeName === name)
				return c.textContent;
		return '';
	}

	function empty(el) {
		while (el.firstChild)
			el.removeChild(el.firstChild);
	}

	/* ------------------------------------------------------------ ask */

	function initSuggest() {
		var form = document.getElementById('consult-ask');
		var region = document.getElementById('consult-suggest');
		var input = document.getElementById('f-subject');
		var timer = null, asked = '', seq = 0;

		if (!form || !region || !input)
			return;

		function show(doc) {
			var answers = doc ? doc.getElementsByTagName('answer') : [];
			var base = form.getAttribute('data-answers') || '';
			var p, ul, li, a, meta, i, m;

			empty(region);
			if (answers.length === 0)
				return;
			p = document.createElement('p');
			p.className = 'notice';
			p.appendChild(document.createElement('strong')).textContent =
			    region.getAttribute('data-heading') || '';
			region.appendChild(p);
			ul = document.createElement('ul');
			ul.className = 'item-list';
			for (i = 0; i < answers.length; i++) {
				m = answers[i];
				li = document.createElement('li');
				a = document.createElement('a');
				a.className = 'item-title';
				a.href = base + encodeURIComponent(childText(m, 'id'));
				a.textContent = childText(m, 'subject');
				li.appendChild(a);
				if (childText(m, 'area') !== '') {
					meta = document.createElement('p');
					meta.className = 'meta';
					meta.textContent = childText(m, 'area');
					li.appendChild(meta);
				}
				ul.appendChild(li);
			}
			region.appendChild(ul);
		}

		function lookup() {
			var q = input.value.replace(/^\s+|\s+$/g, '');
			var mine;

			timer = null;
			if (q === asked)
				return;
			asked = q;
			mine = ++seq;
			if (q.length < SUGGEST_MIN) {
				empty(region);
				return;
			}
			fetch(form.getAttribute('data-suggest') + '?q=' + encodeURIComponent(q) +
			    '&format=xml', { credentials: 'same-origin',
			    headers: { 'Accept': 'application/xml' } })
				.then(function (r) { return r.ok ? r.text() : null; })
				.then(function (text) {
					/* Only the answer to the latest question counts. */
					if (mine === seq && text !== null)
						show(parseXml(text));
				})
				.catch(function () { /* the page works without suggestions */ });
		}

		function later(e) {
			/* Pinyin being composed is not yet what the citizen means. */
			if (e && e.isComposing)
				return;
			if (timer !== null)
				clearTimeout(timer);
			timer = setTimeout(lookup, SUGGEST_DELAY);
		}

		input.addEventListener('input', later);
		input.addEventListener('compositionend', function () { later(null); });
	}

	/* ------------------------------------------------------------ conversation */

	function initPoll() {
		var list = document.getElementById('thread');
		var status = document.getElementById('thread-status');
		var who = document.getElementById('consult-who');
		var url, last, state, etag = null, timer = null, busy = false, over = false;

		if (!list || !list.getAttribute('data-poll'))
			return;
		url = list.getAttribute('data-poll');
		last = list.getAttribute('data-last') || '0';
		state = list.getAttribute('data-state') || '';

		/* A thread's message as the stylesheet draws it. */
		function item(m) {
			var kind = childText(m, 'kind'), staff = childText(m, 'staff_no');
			var at = childText(m, 'at');
			var label, li, meta, time, body;

			label = (staff !== '' && list.getAttribute('data-kind-' + kind + '-by')) ||
			    list.getAttribute('data-kind-' + kind) || kind;
			li = document.createElement('li');
			li.setAttribute('data-id', childText(m, 'id'));
			li.className = 'consult-' + kind;
			meta = document.createElement('p');
			meta.className = 'meta';
			meta.appendChild(document.createElement('strong')).textContent =
			    label.replace('{s}', staff);
			meta.appendChild(document.createTextNode(' '));
			time = document.createElement('time');
			time.setAttribute('datetime', at);
			time.textContent = at.substring(0, 16);
			meta.appendChild(time);
			body = document.createElement('div');
			body.className = 'text-body';
			body.textContent = childText(m, 'body');
			li.appendChild(meta);
			li.appendChild(body);
			return li;
		}

		function known(id) {
			var items = list.children, i;

			for (i = 0; i < items.length; i++)
				if (items[i].getAttribute('data-id') === id)
					return true;
			return false;
		}

		/* What the citizen is filling in (a follow-up), which a reload would lose. */
		function typing() {
			var boxes = document.querySelectorAll('main textarea'), i;

			for (i = 0; i < boxes.length; i++)
				if (boxes[i].value.replace(/\s+/g, '') !== '')
					return true;
			return document.querySelector('main input[type="radio"]:checked') !== null;
		}

		function update(doc) {
			var poll, messages, i, id, next, staff;

			if (doc === null)
				return;
			messages = doc.getElementsByTagName('message');
			for (i = 0; i < messages.length; i++) {
				id = childText(messages[i], 'id');
				if (id !== '' && !known(id))
					list.appendChild(item(messages[i]));
			}
			poll = doc.getElementsByTagName('poll')[0];
			if (!poll)
				return;
			if (poll.getAttribute('last'))
				last = poll.getAttribute('last');
			list.setAttribute('data-last', last);
			staff = poll.getAttribute('staff_no');
			if (who !== null && staff && who.getAttribute('data-serving'))
				who.textContent = who.getAttribute('data-serving').replace('{s}', staff);
			next = poll.getAttribute('state') || state;
			if (next !== state && (next === 'answered' || next === 'closed')) {
				if (!typing()) {
					over = true;
					window.location.reload();
					return;
				}
				if (status !== null) {
					status.className = 'notice';
					status.textContent = status.getAttribute('data-answered') || '';
				}
			}
			state = next;
			list.setAttribute('data-state', state);
			/* A closed question takes no more messages: nothing to wait for. */
			if (state === 'closed')
				over = true;
		}

		function stop() {
			if (timer !== null) {
				clearTimeout(timer);
				timer = null;
			}
		}

		function schedule() {
			stop();
			if (!over && !document.hidden)
				timer = setTimeout(poll, POLL_EVERY);
		}

		function poll() {
			var headers = { 'Accept': 'application/xml' };

			timer = null;
			if (over || busy || document.hidden)
				return;
			busy = true;
			if (etag !== null)
				headers['If-None-Match'] = etag;
			/* no-store: the 304 comes to this code, not to the browser's cache. */
			fetch(url + '?after=' + encodeURIComponent(last) + '&format=xml',
			    { credentials: 'same-origin', cache: 'no-store', headers: headers })
				.then(function (r) {
					if (r.status === 304)
						return null;
					if (!r.ok) {
						/* The page's grant has gone (404): polling ends. */
						if (r.status >= 400 && r.status < 500 && r.status !== 429)
							over = true;
						return null;
					}
					if (r.headers.get('ETag'))
						etag = r.headers.get('ETag');
					return r.text();
				})
				.then(function (text) {
					if (text !== null)
						update(parseXml(text));
				})
				.catch(function () { /* the network: try again later */ })
				.then(function () {
					busy = false;
					schedule();
				});
		}

		document.addEventListener('visibilitychange', function () {
			if (document.hidden)
				stop();
			else if (timer === null && !busy)
				poll();
		});
		schedule();
	}

	initSuggest();
	initPoll();
}());
