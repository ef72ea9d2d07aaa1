export { appendToLedger, type AppendOptions, type AppendResult, type NewEvent, type Projector, type StreamAppend } from './append.js';
export { GENESIS_HASH, hashEntry, knownFrom, type LedgerEntry } from './entry.js';
export { readAfter, readBefore, readChain, readHead, readSpan, readStream, readStreamsOf } from './read.js';
export { replayProjections, type ReadModels, type ReplayResult } from './replay.js';
export { checkExport, exportLines, importLines, type ImportResult } from './transfer.js';
export { ChainChecker, verifyChain, type ChainCheck } from './verify.js';
