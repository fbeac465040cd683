// fake-indexeddb must load before Dexie so that Dexie finds `indexedDB` on the global object.
import 'fake-indexeddb/auto';
