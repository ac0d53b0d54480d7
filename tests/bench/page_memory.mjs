// Memory a page holds, and its dedicated workers if it has any, read over the Chrome
// DevTools Protocol so that it works with and without a worker: per JavaScript realm the
// V8 heap in use (Runtime.getHeapUsage) plus WebAssembly memory. The page's wasm memory is
// what the page reports (TalkTime.memory(), 0 for the peers): Runtime.queryObjects, which
// finds every buffer, crashed the talktime page's renderer (Chromium 156). In a worker,
// WebAssembly memories are found with Runtime.queryObjects on WebAssembly.Memory alone.
// The DOM (Blink's heap, "embedder") is reported beside, as in the earlier benchmark it
// was not counted. A worker is reached from a browser-level session (its target shares
// the page's browser context), attached without flattening so that this session
// alone carries its messages.

// Sums WebAssembly memories' buffers; `this` is the array of memories.
const sumMemories = `function () {
  let bytes = 0;
  for (const m of this) bytes += m.buffer.byteLength;
  return bytes;
}`;

// A worker realm, `send(method, params)` -> { heap, buffers, dom } in bytes.
async function workerMemory(send) {
  const usage = await send('Runtime.getHeapUsage', {});
  const proto = await send('Runtime.evaluate', { expression: 'typeof WebAssembly === "object" ? WebAssembly.Memory.prototype : undefined' });
  let buffers = 0;
  if (proto.result?.objectId) {
    const memories = (await send('Runtime.queryObjects', { prototypeObjectId: proto.result.objectId })).objects.objectId;
    buffers = (await send('Runtime.callFunctionOn', { functionDeclaration: sumMemories, objectId: memories, returnByValue: true })).result.value;
  }
  return { heap: usage.usedSize, buffers, dom: usage.embedderHeapUsedSize || 0 };
}

// A client for one worker target over a browser session (non-flattened messages).
async function workerSession(browserSession, targetId) {
  const { sessionId } = await browserSession.send('Target.attachToTarget', { targetId, flatten: false });
  let next = 0;
  const waiting = new Map();
  const onMessage = (event) => {
    if (event.sessionId !== sessionId) return;
    const message = JSON.parse(event.message);
    const reply = waiting.get(message.id);
    if (!reply) return;
    waiting.delete(message.id);
    if (message.error) reply.fail(new Error(message.error.message));
    else reply.ok(message.result);
  };
  browserSession.on('Target.receivedMessageFromTarget', onMessage);
  const send = (method, params) => new Promise((ok, fail) => {
    const id = ++next;
    waiting.set(id, { ok, fail });
    browserSession.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method, params }) }).catch(fail);
  });
  const close = async () => {
    browserSession.off('Target.receivedMessageFromTarget', onMessage);
    await browserSession.send('Target.detachFromTarget', { sessionId }).catch(() => {});
  };
  return { send, close };
}

// The dedicated workers of `page`'s browser context.
async function workerTargets(browserSession, pageSession) {
  const { targetInfo } = await pageSession.send('Target.getTargetInfo');
  const { targetInfos } = await browserSession.send('Target.getTargets');
  return targetInfos.filter((t) => t.type === 'worker' && t.browserContextId === targetInfo.browserContextId);
}

/**
 * { page: {heap, buffers, dom}, workers: [{url, heap, buffers, dom}], total } in bytes,
 * total being every realm's heap and buffers (the DOM apart).
 */
export async function pageMemory(browser, page, pageSession) {
  const usage = await pageSession.send('Runtime.getHeapUsage');
  const pageFigures = { heap: usage.usedSize, buffers: await page.evaluate(() => window.__wasmBytes()), dom: usage.embedderHeapUsedSize || 0 };
  const browserSession = await browser.newBrowserCDPSession();
  const workers = [];
  try {
    for (const target of await workerTargets(browserSession, pageSession)) {
      const session = await workerSession(browserSession, target.targetId);
      try {
        workers.push({ url: target.url, ...await workerMemory(session.send) });
      } catch (error) {
        workers.push({ url: target.url, heap: NaN, buffers: NaN, dom: NaN, error: error.message });
      } finally {
        await session.close();
      }
    }
  } finally {
    await browserSession.detach();
  }
  const total = [pageFigures, ...workers].reduce((s, r) => s + r.heap + r.buffers, 0);
  return { page: pageFigures, workers, total };
}
