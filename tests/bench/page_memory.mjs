// Memory a page holds, and its dedicated workers if it has any, read over the Chrome
// DevTools Protocol so that it works whatever the page does: per JavaScript realm, the
// V8 heap in use (Runtime.getHeapUsage) plus the bytes of every ArrayBuffer alive in it,
// WebAssembly memories included (Runtime.queryObjects, which collects garbage first);
// the DOM (Blink's heap, "embedder") is reported beside, as in the earlier benchmark it
// was not counted. A worker is reached from a browser-level session (its target shares
// the page's browser context), attached without flattening so that this session
// alone carries its messages.

// Sums ArrayBuffers and WebAssembly memories' buffers once each; `this` is the array of buffers.
const sumBuffers = `function (memories) {
  const all = new Set(this);
  for (const m of memories || []) all.add(m.buffer);
  let bytes = 0;
  for (const b of all) bytes += b.byteLength;
  return bytes;
}`;

// `send(method, params)` in one realm -> { heap, buffers, dom } in bytes.
async function realmMemory(send) {
  const objects = async (expression) => {
    const proto = await send('Runtime.evaluate', { expression });
    if (!proto.result?.objectId) return null;
    return (await send('Runtime.queryObjects', { prototypeObjectId: proto.result.objectId })).objects.objectId;
  };
  const buffers = await objects('ArrayBuffer.prototype');
  const memories = await objects('typeof WebAssembly === "object" ? WebAssembly.Memory.prototype : undefined');
  const summed = await send('Runtime.callFunctionOn', { functionDeclaration: sumBuffers, objectId: buffers,
    arguments: memories ? [{ objectId: memories }] : [], returnByValue: true });
  const usage = await send('Runtime.getHeapUsage', {});
  return { heap: usage.usedSize, buffers: summed.result.value, dom: usage.embedderHeapUsedSize || 0 };
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
  const pageFigures = await realmMemory((method, params) => pageSession.send(method, params));
  const browserSession = await browser.newBrowserCDPSession();
  const workers = [];
  try {
    for (const target of await workerTargets(browserSession, pageSession)) {
      const session = await workerSession(browserSession, target.targetId);
      try {
        workers.push({ url: target.url, ...await realmMemory(session.send) });
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
