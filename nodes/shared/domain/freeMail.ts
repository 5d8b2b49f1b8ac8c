// Consumer mailbox providers: an address there says nothing about the company a person works for,
// so these domains must never become company keys. Matched on the registrable domain.
const FREE_MAIL_DOMAINS = new Set([
	'gmail.com', 'googlemail.com',
	'outlook.com', 'hotmail.com', 'live.com', 'msn.com', 'passport.com', 'windowslive.com',
	'live.co.uk', 'live.ca', 'live.fr', 'live.de', 'live.nl', 'live.it', 'live.be', 'live.com.au', 'live.com.mx',
	'live.cn', 'live.jp', 'live.se', 'live.dk', 'live.no', 'live.ie', 'live.at', 'live.com.ar', 'live.cl',
	'ymail.com', 'rocketmail.com', 'aol.com', 'aim.com', 'verizon.net', 'att.net', 'sbcglobal.net',
	'bellsouth.net', 'comcast.net', 'cox.net', 'charter.net', 'earthlink.net', 'juno.com', 'netzero.net',
	'icloud.com', 'me.com', 'mac.com',
	'proton.me', 'protonmail.com', 'protonmail.ch', 'pm.me', 'tutanota.com', 'tutanota.de', 'tuta.io',
	'tutamail.com', 'mailfence.com', 'posteo.de', 'posteo.net', 'mailbox.org', 'hushmail.com', 'fastmail.com',
	'fastmail.fm', 'zoho.com', 'zohomail.com', 'mail.com', 'email.com', 'usa.com', 'inbox.com', 'hey.com',
	'web.de', 't-online.de', 'freenet.de', 'arcor.de', 'online.de', '1und1.de',
	'mail.ru', 'inbox.ru', 'list.ru', 'bk.ru', 'rambler.ru', 'ya.ru',
	'qq.com', 'foxmail.com', '163.com', '126.com', 'yeah.net', 'sina.com', 'sina.cn', 'sohu.com', 'aliyun.com',
	'139.com', '189.cn', 'naver.com', 'daum.net', 'hanmail.net', 'nate.com',
	'rediffmail.com', 'libero.it', 'virgilio.it', 'tiscali.it', 'alice.it', 'tin.it',
	'orange.fr', 'wanadoo.fr', 'free.fr', 'laposte.net', 'sfr.fr', 'neuf.fr', 'club-internet.fr',
	'seznam.cz', 'centrum.cz', 'wp.pl', 'o2.pl', 'onet.pl', 'interia.pl',
	'btinternet.com', 'sky.com', 'talktalk.net', 'virginmedia.com', 'ntlworld.com', 'blueyonder.co.uk',
	'bigpond.com', 'optusnet.com.au', 'shaw.ca', 'rogers.com', 'sympatico.ca', 'videotron.ca',
	'uol.com.br', 'bol.com.br', 'terra.com.br', 'ig.com.br', 'prodigy.net.mx',
	'bluewin.ch', 'telenet.be', 'skynet.be', 'ziggo.nl', 'kpnmail.nl', 'planet.nl', 'home.nl', 'xs4all.nl',
	'gawab.com', 'lycos.com', 'excite.com',
]);

// Brands that run the same free service under many country suffixes (yahoo.co.jp, gmx.at, yandex.com.tr):
// matched on the label just left of the public suffix.
const FREE_MAIL_BRANDS = new Set(['yahoo', 'hotmail', 'outlook', 'gmx', 'yandex', 'btopenworld']);

/** `registrable` is an eTLD+1 such as `yahoo.co.uk`; `publicSuffix` is its suffix (`co.uk`). */
export function isFreeMailDomain(registrable: string, publicSuffix: string): boolean {
	if (FREE_MAIL_DOMAINS.has(registrable)) return true;
	return FREE_MAIL_BRANDS.has(registrable.slice(0, registrable.length - publicSuffix.length - 1));
}
