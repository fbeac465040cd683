declare module 'virtual:banks' {
	const banks: import('$lib/content/types').Bank[];
	export default banks;
}
