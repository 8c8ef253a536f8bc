<?php
/*
 * list.php: the published letters' page (GET /mailbox/, first page or
 * ?after=ID) as a webmaster would write it in PHP, the peer tests/load/run
 * measures civic-mailbox.fcgi against: PDO (persistent connection) and
 * XSLTProcessor with the same stylesheet, xslt/mailbox.xsl, from the same
 * database.  It builds the same page XML as modules/mailbox/public.c (run
 * compares the two byte for byte, tokens aside), with the same statements;
 * ?format=xml gives the XML.  Only the list view: no filters, no search.
 */
$db = new PDO('mysql:unix_socket=' . getenv('CIVIC_DB_SOCKET') . ';dbname=civic;charset=utf8mb4',
	'civic', getenv('CIVIC_DB_PASSWORD'),
	[PDO::ATTR_PERSISTENT => true, PDO::ATTR_ERRMODE => PDO::ERRMODE_EXCEPTION]);

function token($bytes) {
	return rtrim(strtr(base64_encode(random_bytes($bytes)), '+/', '-_'), '=');
}

$after = isset($_GET['after']) && ctype_digit($_GET['after']) ? (int)$_GET['after'] : 0;
$csrf = $_COOKIE['civic_csrf'] ?? token(32);

$doc = new DOMDocument('1.0', 'UTF-8');
$doc->appendChild($doc->createProcessingInstruction('xml-stylesheet',
	'type="text/xsl" href="/civic-static/mailbox.xsl"'));
$page = $doc->appendChild($doc->createElement('page'));
foreach (['program' => 'mailbox', 'view' => 'public-list', 'lang' => 'zh-CN',
    'request-id' => bin2hex(random_bytes(8)), 'status' => '200'] as $k => $v)
	$page->setAttribute($k, $v);
$site = $page->appendChild($doc->createElement('site'));
foreach (['name' => '示范县人民政府', 'base' => '/', 'static' => '/civic-static/',
    'mount' => '/mailbox/', 'path' => '/mailbox/'] as $k => $v)
	$site->setAttribute($k, $v);
$page->appendChild($doc->createElement('csrf'))->appendChild($doc->createTextNode($csrf));
$page->appendChild($doc->createElement('idem'))->appendChild($doc->createTextNode(token(16)));

foreach (['categories' => ['category',
	'SELECT id, name FROM mailbox_category WHERE active = 1 ORDER BY sort, id'],
    'departments' => ['department', 'SELECT id, name FROM department ORDER BY code, id']]
    as $wrapper => [$elem, $sql]) {
	$list = $page->appendChild($doc->createElement($wrapper));
	foreach ($db->query($sql) as $row) {
		$e = $list->appendChild($doc->createElement($elem));
		$e->setAttribute('id', $row['id']);
		$e->setAttribute('name', $row['name']);
	}
}

// Rows as elements, a NULL column left out (civic_page_rows).
function rows($doc, $parent, $elem, $rows) {
	foreach ($rows as $row) {
		$e = $parent->appendChild($doc->createElement($elem));
		foreach ($row as $k => $v)
			if ($v !== null)
				$e->appendChild($doc->createElement($k))->appendChild($doc->createTextNode($v));
	}
}
rows($doc, $page->appendChild($doc->createElement('years')), 'y', $db->query(
	'WITH RECURSIVE b AS (SELECT YEAR(MIN(created_at)) AS lo, ' .
	'YEAR(MAX(created_at)) AS hi FROM mailbox_letter WHERE published = 1), ' .
	'y AS (SELECT hi AS year FROM b WHERE hi IS NOT NULL ' .
	'UNION ALL SELECT y.year - 1 FROM y JOIN b ON y.year > b.lo) ' .
	'SELECT y.year FROM y WHERE EXISTS (SELECT 1 FROM mailbox_letter l ' .
	'WHERE l.published = 1 AND l.created_at >= MAKEDATE(y.year, 1) ' .
	'AND l.created_at < MAKEDATE(y.year + 1, 1)) ORDER BY y.year DESC')->fetchAll(PDO::FETCH_ASSOC));

$st = $db->prepare(
	"SELECT l.id, l.public_subject AS subject, l.type, c.name AS category, " .
	"d.name AS department, DATE_FORMAT(l.created_at, '%Y-%m-%d') AS created, " .
	"DATE_FORMAT(l.replied_at, '%Y-%m-%d') AS replied, l.reply_days, " .
	"LEFT(l.public_body, 80) AS excerpt, CHAR_LENGTH(l.public_body) > 80 AS more " .
	"FROM mailbox_letter l FORCE INDEX (mailbox_letter_public, mailbox_letter_public_type, " .
	"mailbox_letter_public_category, mailbox_letter_public_department, " .
	"mailbox_letter_public_created) STRAIGHT_JOIN mailbox_category c ON c.id = l.category_id " .
	"LEFT JOIN department d ON d.id = l.reply_department_id " .
	"WHERE l.published = 1 AND l.id < ? ORDER BY l.id DESC LIMIT 21");
$st->execute([$after > 0 ? $after : (1 << 62)]);
$rows = $st->fetchAll(PDO::FETCH_ASSOC);
$pager = $page->appendChild($doc->createElement('pager'));
if (count($rows) > 20) {
	array_pop($rows);
	$pager->setAttribute('next', end($rows)['id']);
}
if ($after > 0)
	$pager->setAttribute('after', $_GET['after']);
rows($doc, $page->appendChild($doc->createElement('letters')), 'letter', $rows);

if (($_GET['format'] ?? '') === 'xml') {
	header('Content-Type: application/xml; charset=utf-8');
	echo $doc->saveXML();
	exit;
}
$xsl = new DOMDocument();
$xsl->load(getenv('CIVIC_XSLT'));
$proc = new XSLTProcessor();
$proc->importStylesheet($xsl);
header('Content-Type: text/html; charset=utf-8');
echo $proc->transformToXml($doc);
