/**
 * Vite plugin: validates the question banks when a build starts (a bad bank fails the build with
 * `file:line: message`) and serves the validated banks to the prerendered data endpoints as the
 * virtual module `virtual:banks`.
 */
import { resolve } from 'node:path';
import type { Plugin } from 'vite';
import { formatProblem, type Bank } from '../../src/lib/content/types.ts';
import { checkBanks } from './banks.ts';

const VIRTUAL = 'virtual:banks';
const RESOLVED = '\0' + VIRTUAL;

/**
 * How a build refuses bad banks: the problems alone, then exit 1. A thrown error would be printed
 * by the bundler with its stack trace under the `file:line: message` lines an author must act on.
 */
function printAndExit(report: string): never {
	console.error(`\nThe question banks have problems, so the build stops:\n${report}\n`);
	process.exit(1);
}

export function banksPlugin(
	dir = resolve('question-banks'),
	refuse: (report: string) => never = printAndExit
): Plugin {
	let banks: Bank[] | undefined;
	let serving = false;

	const load = (): Bank[] => {
		const result = checkBanks(dir);
		if (result.problems.length) {
			const report = result.problems.map(formatProblem).join('\n');
			// The dev server keeps going with the valid items; a build must refuse the bank.
			if (serving) console.error(`Question-bank problems:\n${report}`);
			else refuse(report);
		}
		return result.banks;
	};

	return {
		name: 'codedrill-banks',
		configureServer(server) {
			serving = true;
			server.watcher.add(dir);
			server.watcher.on('all', (_event, path) => {
				if (!path.startsWith(dir)) return;
				banks = undefined;
				const mod = server.moduleGraph.getModuleById(RESOLVED);
				if (mod) server.moduleGraph.invalidateModule(mod);
			});
		},
		buildStart() {
			banks ??= load();
		},
		resolveId(id) {
			return id === VIRTUAL ? RESOLVED : undefined;
		},
		load(id) {
			if (id !== RESOLVED) return undefined;
			banks ??= load();
			return `export default ${JSON.stringify(banks)};`;
		}
	};
}
