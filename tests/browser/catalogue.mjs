// catalogue.mjs: the disclosure catalogue's flows (政务信息公开目录,
// civic-catalogue.fcgi, doc/catalogue.md), run by flows.mjs as the feature
// "catalogue" with its Person, step, signIn, ok and fail (passed in, so that
// this file and flows.mjs share one set of counts and one way of visiting a
// page: screenshot, lang, axe).  The data: browser.sh loads
// sql/demo-catalogue.sql (225 entries of 12 bodies, 2024-2026) and runs
// civicctl reindex catalogue; its clerk of 县财政局 (department 21) is
// CIVIC_CAT_CLERK_NO.
//
// Three people, each with a browser:
// - the reader browses: the catalogue's home, a node of the tree
//   (财政信息 > 预决算 > 部门预算), whose count on the home page must equal
//   the rows the list shows over all its pages (下一页 followed) and the
//   count beside the node in force on the list; a body of the facets
//   (县财政局), the same check; an entry of it, its metadata (索引号 as in
//   the list, 发布机构, 文号 when the list shows one); the validity facet
//   已废止, a repealed entry's banner and its link to the replacing entry,
//   followed.
// - the searcher types 扬尘 into 检索 and submits: results; then a 文号
//   (郫财发〔2025〕6号): exactly that entry, opened.
// - the clerk of 县财政局 signs in, opens 新建信息, fills the form by its
//   labels, 保存 (a draft), 发布 and the step page's 发布: 已发布。 with the
//   index number of the body (008213414/YYYY-NNNNN).  Then the reader (the
//   public, no cookies) fetches /catalogue/feed.atom with the page's request
//   API, parses it and finds the entry's title and link; the entry is on
//   /catalogue/list, and its page shows the number the clerk saw.  Each
//   browser configuration publishes its own entry (the title and the 文号
//   carry the configuration), so the four never see each other's.

const NODE_PATH = ['财政信息', '预决算', '部门预算'];
const BODY = '县财政局';
const BODY_ORG = '008213414';
const WORD = '扬尘';
const DOC_NO = '郫财发〔2025〕6号';

// The number in "（N）" after a facet's value (a link, or the value in force).
async function facetCount(p, name) {
	const t = await p.locator(`xpath=//main//section[contains(@class, "cb-facet")]//li/*[(self::a or self::strong) and normalize-space(.) = "${name}"]/following-sibling::span[contains(@class, "cb-count")][1]`)
		.first().innerText();
	const m = t.match(/\d+/);
	if (!m) throw new Error(`no count beside ${name}: "${t}"`);
	return Number(m[0]);
}

// One line of the entry page's metadata table (信息索引).
async function meta(p, label) {
	return (await p.locator('main table.ce-meta tr', { has: p.locator('th', { hasText: new RegExp(`^${label}$`) }) })
		.locator('td').innerText()).trim();
}

// The list's entries on this page: title, index number, 文号 (or null), the
// validity's mark (已废止, 已修改; null for a valid entry, which has none).
async function listRows(p) {
	const rows = p.locator('main ul.cb-entries > li');
	const out = [];
	const n = await rows.count();
	for (let i = 0; i < n; i++) {
		const li = rows.nth(i);
		const dd = async (label) => {
			const d = li.locator('dl.cb-meta > div', { has: p.locator('dt', { hasText: new RegExp(`^${label}$`) }) }).locator('dd');
			return await d.count() ? (await d.innerText()).trim() : null;
		};
		const mark = li.locator('.cb-validity');
		out.push({ title: (await li.locator('a.item-title').innerText()).trim(),
			index: await dd('索引号'), doc: await dd('文号'),
			validity: await mark.count() ? (await mark.innerText()).trim() : null });
	}
	return out;
}

// Clicks a link (exactly that name, in main) and waits for the next page.
async function click(who, name, what, scope) {
	const s = scope || who.page.locator('main');
	await Promise.all([
		who.page.waitForNavigation(),
		s.getByRole('link', { name, exact: true }).first().click(),
	]);
	await who.visit(what);
}

// The rows of the list now on screen and of every next page (下一页).
async function walkList(who, what) {
	const p = who.page;
	let rows = await listRows(p);
	for (let n = 2; n <= 20 && await p.getByRole('link', { name: '下一页', exact: true }).count() > 0; n++) {
		await click(who, '下一页', `${what}-p${n}`, p.locator('main nav'));
		rows = rows.concat(await listRows(p));
	}
	return rows;
}

// An XML document's text, its five entities and character references undone.
function unxml(s) {
	return s.replace(/<!\[CDATA\[([\s\S]*?)\]\]>/g, '$1')
		.replace(/&#x([0-9a-f]+);/gi, (m, h) => String.fromCodePoint(parseInt(h, 16)))
		.replace(/&#(\d+);/g, (m, d) => String.fromCodePoint(Number(d)))
		.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"')
		.replace(/&apos;/g, "'").replace(/&amp;/g, '&');
}

// An Atom feed's entries (title, the hrefs of its links), after checking
// that the document is one: the root <feed> in the Atom namespace, its
// <entry> elements closed.  Not a general XML parser: the feed is the core's
// (modules/core/atom.c, libxml2's output), without comments or DTD.
function parseAtom(xml) {
	const root = xml.replace(/^<\?xml[^>]*\?>\s*/, '').match(/^<feed\b([^>]*)>/);
	if (!root || !/xmlns="http:\/\/www\.w3\.org\/2005\/Atom"/.test(root[1]))
		throw new Error(`not an Atom feed: ${xml.slice(0, 120)}`);
	if (!/<\/feed>\s*$/.test(xml)) throw new Error('the feed does not end with </feed>');
	const entries = [];
	for (const m of xml.matchAll(/<entry>([\s\S]*?)<\/entry>/g)) {
		const t = m[1].match(/<title(?:\s[^>]*)?>([\s\S]*?)<\/title>/);
		const links = [...m[1].matchAll(/<link\b[^>]*\bhref="([^"]*)"/g)].map((x) => unxml(x[1]));
		entries.push({ title: t ? unxml(t[1]).trim() : null, links });
	}
	return entries;
}

export async function catalogueFlows(h, js, w, ht, run) {
	const { browser, Person, step, signIn, ok, fail, BASE, clerkNo } = h;
	const reader = await new Person(browser, 'reader', js, w, ht).open();
	const searcher = await new Person(browser, 'searcher', js, w, ht).open();
	const clerk = await new Person(browser, 'cat-clerk', js, w, ht).open();
	const tag = reader.tag;
	const check = (name, good, why) => (good ? ok(`${tag} ${name}`) : fail(`${tag} ${name}`, why));

	// The reader: the tree, a body, an entry, a repealed entry and its successor.
	const browse = async () => {
		const p = reader.page;
		let nodeCount, rows;
		await step(reader, 'the catalogue tree', async () => {
			await reader.go('/catalogue/', 'catalogue-home');
			await reader.sees('the catalogue\'s home page', '政府信息公开目录');
			for (const n of NODE_PATH.slice(0, -1))
				check(`the tree shows ${n} with its count`, await facetCount(p, n) > 0, 'no count');
			const leaf = NODE_PATH[NODE_PATH.length - 1];
			nodeCount = await facetCount(p, leaf);
			await click(reader, leaf, 'catalogue-node', p.locator('main section.cb-facet').first());
			await reader.sees(`the list of ${leaf}: the filter in force`, '当前筛选条件');
			check(`… ${leaf} marked as the node in force, with the same count (${nodeCount})`,
				await facetCount(p, leaf) === nodeCount, `${await facetCount(p, leaf)}`);
			rows = await walkList(reader, 'catalogue-node');
			check(`the count on the node (${nodeCount}) is the rows listed over all pages`,
				rows.length === nodeCount && nodeCount > 20, `${rows.length} rows listed`);
			check('… no entry listed twice', new Set(rows.map((r) => r.index)).size === rows.length, 'an index number twice');
		});
		let entry;
		await step(reader, 'a body of the facets', async () => {
			const n = await facetCount(p, BODY);
			await click(reader, BODY, 'catalogue-node-body', p.locator('main nav.cb-facets'));
			const got = await walkList(reader, 'catalogue-node-body');
			check(`the facet ${BODY} (${n}) lists as many entries, all of ${NODE_PATH[2]}'s`,
				got.length === n && n > 0 && got.every((r) => rows.some((x) => x.index === r.index)), `${got.length} rows`);
			check(`… fewer than the node's (${nodeCount})`, n < nodeCount, `${n}`);
			entry = got[got.length - 1];	// on the page now on screen
			await click(reader, entry.title, 'catalogue-entry', p.locator('main ul.cb-entries'));
		});
		await step(reader, 'an entry\'s page', async () => {
			check('the entry\'s page has its title', (await p.locator('main h1').innerText()).trim() === entry.title,
				await p.locator('main h1').innerText());
			const idx = await meta(p, '索引号');
			check(`… 索引号 ${idx} as in the list, of the body's code`,
				idx === entry.index && idx.startsWith(`${BODY_ORG}/`) && /^[0-9A-Z]{9}\/\d{4}-\d{5}$/.test(idx), entry.index);
			check(`… 发布机构 ${BODY}`, (await meta(p, '发布机构')).includes(BODY), await meta(p, '发布机构'));
			const doc = await meta(p, '文号');
			check(`… 文号 ${entry.doc || '—'}`, doc === (entry.doc || '—'), doc);
			for (const label of ['成文日期', '发布日期', '目录分类', '公开方式'])
				check(`… ${label}`, (await meta(p, label)) !== '—', 'empty');
			const path = await meta(p, '目录分类');
			check(`… 目录分类 its path from the top (${NODE_PATH.join(' > ')})`,
				NODE_PATH.every((n, i) => i === 0 || path.indexOf(NODE_PATH[i - 1]) < path.indexOf(n)) &&
				path.includes(NODE_PATH[0]), path);
		});
		await step(reader, 'a repealed entry', async () => {
			await click(reader, '政府信息公开目录', 'catalogue-home-again', p.locator('main .ce-back'));
			await click(reader, '查看全部公开信息', 'catalogue-all');
			const n = await facetCount(p, '已废止');
			await click(reader, '已废止', 'catalogue-repealed', p.locator('main nav.cb-facets'));
			const got = await walkList(reader, 'catalogue-repealed');
			check(`the facet 已废止 (${n}) lists as many entries, each marked 已废止`,
				got.length === n && n > 0 && got.every((r) => r.validity === '已废止'),
				`${got.length} rows: ${got.map((r) => r.validity).join(', ')}`);
			await click(reader, got[got.length - 1].title, 'catalogue-repealed-entry', p.locator('main ul.cb-entries'));
			const banner = p.locator('main .ce-banner-repealed[role="note"]');
			check('the repealed entry\'s banner says so in words', (await banner.innerText()).includes('已废止 本文件已废止，不再执行。'),
				await banner.innerText());
			check('… its 有效性 已废止', (await meta(p, '有效性')) === '已废止', await meta(p, '有效性'));
			const link = banner.getByRole('link');
			if (await link.count() !== 1) throw new Error(`${await link.count()} links in the banner`);
			const title = (await link.innerText()).trim();
			const num = (await banner.locator('.ce-index-no').innerText()).replace(/[（）]/g, '').trim();
			await Promise.all([p.waitForNavigation(), link.click()]);
			await reader.visit('catalogue-replacing-entry');
			check('the banner\'s link leads to the replacing entry (its title)', (await p.locator('main h1').innerText()).trim() === title, title);
			check(`… its 索引号 ${num}, as the banner said`, (await meta(p, '索引号')) === num, await meta(p, '索引号'));
			check('… itself in force: no 已废止 banner', await p.locator('main .ce-banner-repealed').count() === 0, 'a banner');
		});
	};

	// The searcher: a two-character word, then a 文号.
	const search = async () => {
		const p = searcher.page;
		await step(searcher, 'the search', async () => {
			await searcher.go('/catalogue/', 'catalogue-home');
			await p.getByLabel(/^检索/).fill(WORD);
			await searcher.press('检索', 'catalogue-search-word', p.locator('main form[role="search"]'));
			await searcher.sees(`the results for ${WORD}`, `“${WORD}”的检索结果`);
			const got = await walkList(searcher, 'catalogue-search-word');
			check(`a search for ${WORD} finds entries (${got.length})`, got.length > 0, 'none');
			check('… the box keeps the word', (await p.getByLabel(/^检索/).inputValue()) === WORD, 'lost');
			await p.getByLabel(/^检索/).fill(DOC_NO);
			await searcher.press('检索', 'catalogue-search-docno', p.locator('main form[role="search"]'));
			await searcher.sees(`the results for ${DOC_NO}`, `“${DOC_NO}”的检索结果`);
			const one = await listRows(p);
			check(`a search for the 文号 ${DOC_NO} finds that one entry`,
				one.length === 1 && one[0].doc === DOC_NO, `${one.length} rows: ${one.map((r) => r.doc).join(', ')}`);
			await click(searcher, one[0].title, 'catalogue-search-entry', p.locator('main ul.cb-entries'));
			check(`… whose page shows the 文号 ${DOC_NO}`, (await meta(p, '文号')) === DOC_NO, await meta(p, '文号'));
		});
	};

	// The clerk publishes; the public finds it in the feed, the list and its page.
	const publish = async () => {
		const p = clerk.page;
		const now = new Date(Date.now() + 8 * 3600 * 1000);
		const year = now.getUTCFullYear();
		const title = `县财政局${year}年政府采购意向公开（浏览器 ${tag}）`;
		const doc = `郫财发〔${year}〕${901 + (run || 0)}号`;
		let id, index;
		await signIn(clerk, clerkNo, '财政窗口');
		await step(clerk, 'the new entry', async () => {
			await clerk.go('/catalogue/staff/new', 'catalogue-new');
			await clerk.sees('the form of a new entry', '新建信息');
			await p.getByLabel(/^标题/).fill(title);
			await p.getByLabel(/^文号/).fill(doc);
			await p.getByLabel(/^发布机构/).selectOption({ label: BODY });
			await p.getByLabel(/^成文日期/).fill(now.toISOString().slice(0, 10));
			await p.getByLabel(/^目录分类/).selectOption({ label: '0402 政府采购' });
			await p.getByLabel(/^主题分类/).selectOption({ label: '0301 财政' });
			await p.getByLabel(/^体裁/).selectOption({ label: '通知' });
			await p.getByLabel(/^主题词/).fill('政府采购 意向公开');
			await p.getByLabel(/^内容概述/).fill('公开本局本年度第四季度政府采购意向，便于供应商提前了解采购信息。');
			await p.getByLabel(/^正文/).fill('各有关单位：\n现将本局第四季度政府采购意向公开如下。\n一、办公设备采购，预算20万元，预计12月实施。\n县财政局');
			await p.getByLabel(/^公开方式/).selectOption({ label: '主动公开' });
			await p.getByLabel(/^有效性/).selectOption({ label: '有效' });
			await clerk.press('保存', 'catalogue-saved', p.locator('main form.ced-form'));
			await clerk.sees('saved as a draft', '已保存。');
			await clerk.sees('… 草稿, without an index number yet', '（发布时生成）');
			const m = new URL(p.url()).pathname.match(/\/catalogue\/staff\/e\/(\d+)$/);
			if (!m) throw new Error(`saved at ${p.url()}`);
			id = m[1];
		});
		await step(clerk, 'the publication', async () => {
			await click(clerk, '发布', 'catalogue-publish', p.locator('main ul.ced-actions'));
			await clerk.sees('the step page says what publishing does', '发布后信息在公开目录中可见');
			await clerk.press('发布', 'catalogue-published', p.locator('main form'));
			await clerk.sees('published', '已发布。');
			index = (await p.locator('main dl.ced-head dd').first().innerText()).trim();
			const re = new RegExp(`^${BODY_ORG}/${year}-\\d{5}$`);
			check(`… the index number ${index}, the body's of this year`, re.test(index), index);
			const state = (await p.locator('main dl.ced-head dd.ced-state').innerText()).trim();
			check('… 状态 已发布', state === '已发布', state);
		});
		const q = reader.page;
		await step(reader, 'the feed', async () => {
			const r = await q.request.get(`${BASE}/catalogue/feed.atom`);
			check('/catalogue/feed.atom: 200, application/atom+xml',
				r.status() === 200 && /^application\/atom\+xml/.test(r.headers()['content-type'] || ''),
				`${r.status()} ${r.headers()['content-type']}`);
			const entries = parseAtom(await r.text());
			const mine = entries.filter((e) => e.title === title);
			check(`the feed (${entries.length} entries) has the new entry once, linked to its page`,
				mine.length === 1 && mine[0].links.some((l) => l.endsWith(`/catalogue/e/${id}`)),
				`${mine.length} entries titled so${mine[0] ? ', links ' + mine[0].links.join(' ') : ''}`);
		});
		await step(reader, 'the new entry in the list', async () => {
			await reader.go('/catalogue/list', 'catalogue-list-new');
			const rows = await listRows(q);
			const row = rows.find((x) => x.title === title);
			check('the list\'s first page has the new entry, with its index number and 文号',
				row && row.index === index && row.doc === doc, JSON.stringify(row || rows.slice(0, 2)));
			await click(reader, title, 'catalogue-new-entry', q.locator('main ul.cb-entries'));
			check('its page: the title', (await q.locator('main h1').innerText()).trim() === title, await q.locator('main h1').innerText());
			check(`… 索引号 ${index}`, (await meta(q, '索引号')) === index, await meta(q, '索引号'));
			check(`… 文号 ${doc}`, (await meta(q, '文号')) === doc, await meta(q, '文号'));
			check(`… 发布机构 ${BODY}`, (await meta(q, '发布机构')).includes(BODY), await meta(q, '发布机构'));
			await reader.sees('… and its text', '一、办公设备采购，预算20万元');
			check('… and no staff name', !(await q.locator('main').innerText()).includes('财政窗口'), 'the clerk\'s name shown');
		});
	};

	try {
		// The reader's browsing and the searcher's search run side by side;
		// then the clerk publishes, and the reader reads the feed and the list.
		await Promise.all([browse(), search()].map((x) => x.catch(() => { /* counted by step() */ })));
		await publish();
	} catch (e) {
		/* counted by step() */
	}
	for (const x of [reader, searcher, clerk]) await x.close();
}
