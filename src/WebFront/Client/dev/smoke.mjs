// Drives the built widget and console against the mock server in Debian's chromium and saves screenshots.
// A developer's check that the UIs render and talk, not a test suite (the browser tests run against the real server).
// Run: npm run build && (npm run mock &) && node dev/smoke.mjs [outDir]
import { chromium } from "playwright-core";

const base = process.env.BASE ?? "http://127.0.0.1:5080";
const out = process.argv[2] ?? "/tmp";
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
});
const step = (s) => console.log("·", s);
try {
  await fetch(base + "/debug/reset");
  const visitor = await browser.newPage({ viewport: { width: 1000, height: 760 } });
  visitor.on("pageerror", (e) => console.log("visitor page error:", e.message));
  await visitor.goto(base + "/");
  await visitor.click("[data-customerservice] >> css=.bubble");
  step("widget opened");
  const box = visitor.locator("[data-customerservice] >> css=textarea");
  await box.fill(`<img src=x onerror="document.title='pwned'"> hello from the visitor`);
  await box.press("Enter");
  await visitor.locator("[data-customerservice] >> css=.msg.mine").first().waitFor();
  step("visitor message shown");

  const agent = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  agent.on("pageerror", (e) => console.log("console page error:", e.message));
  await agent.goto(base + "/console/");
  await agent.fill("input[name=email]", "ann@demo.test");
  await agent.fill("input[name=password]", "demo");
  await agent.click("button[type=submit]");
  await agent.click("text=Queue");
  await agent.click("button:has-text('Accept')");
  await agent.locator(".messages .msg").first().waitFor();
  step("agent opened the conversation");
  await agent.fill("textarea[aria-label=Reply]", "/hel");
  await agent.locator(".suggestions li").first().waitFor();
  await agent.keyboard.press("Enter");
  await agent.keyboard.press("Enter");
  await visitor.locator("[data-customerservice] >> css=.msg.theirs").first().waitFor();
  step("visitor received the agent's canned reply");
  await agent.click("label.toggle:has-text('Private note')");
  await agent.fill("textarea[aria-label=Reply]", "internal: check the order");
  await agent.keyboard.press("Enter");
  await agent.locator(".msg.note").first().waitFor();
  await visitor.locator("[data-customerservice] >> css=.state").filter({ hasText: "Seen" }).waitFor();
  step("visitor sees Seen");
  const imgs = await visitor.locator("[data-customerservice] >> css=.msg img").count();
  const title = await visitor.title();
  console.log(`  inline <img> in widget messages: ${imgs}; page title: ${title}`);
  if (imgs !== 0 || title === "pwned") throw new Error("message text was rendered as HTML");
  const notes = await visitor.locator("[data-customerservice] >> text=internal: check the order").count();
  if (notes !== 0) throw new Error("the visitor saw a private note");
  await agent.click("button:has-text('Resolve')");
  await visitor.locator("[data-customerservice] >> css=.stars").waitFor();
  step("visitor is asked for a rating");
  await visitor.locator("[data-customerservice] >> css=.stars button").nth(3).click();
  await visitor.click("[data-customerservice] >> text=Send rating");
  await visitor.locator("[data-customerservice] >> text=Thank you for your feedback.").waitFor();
  step("rating sent");
  await visitor.screenshot({ path: `${out}/widget.png` });

  await visitor.reload();
  await visitor.locator("[data-customerservice] >> css=.msg.mine").first().waitFor({ state: "attached" });
  step("after a reload the history is back (stored visitor id, Resume(0))");
  await agent.click("button:has-text('Reopen')");
  await agent.fill("textarea[aria-label=Reply]", "one more thing");
  await agent.click("label.toggle:has-text('Private note')");
  await agent.fill("textarea[aria-label=Reply]", "one more thing");
  await agent.keyboard.press("Enter");
  await visitor.locator("[data-customerservice] >> css=.badge").filter({ hasText: "1" }).waitFor();
  step("closed widget shows unread badge 1");
  await agent.screenshot({ path: `${out}/console.png` });
  // Recovery paths, using the mock's debug switches.
  const W = (css) => visitor.locator(`[data-customerservice] >> css=${css}`);
  const hit = (path) => fetch(base + path).then((r) => r.json());
  await W(".bubble").click();
  await hit("/debug/drop-after-next-visitor-send");
  await W("textarea").fill("lost ack test");
  await W("textarea").press("Enter");
  await W(".msg.mine").filter({ hasText: "lost ack test" }).waitFor();
  await visitor.waitForFunction(() => !document.querySelector("[data-customerservice]").shadowRoot.textContent.includes("Sending…"), null, { timeout: 20000 });
  const stored = (await hit("/debug/messages")).filter((m) => m.text === "lost ack test").length;
  step(`lost ack: resent after reconnect, stored ${stored} time(s)`);
  if (stored !== 1) throw new Error("a resend created a duplicate");

  await hit("/debug/skip-next-visitor-push");
  for (const text of ["gap one", "gap two"]) {
    await agent.fill("textarea[aria-label=Reply]", text);
    await agent.keyboard.press("Enter");
  }
  await W(".msg.theirs").filter({ hasText: "gap two" }).waitFor();
  const order = await W(".msg").allTextContents();
  const i1 = order.findIndex((t) => t.includes("gap one"));
  const i2 = order.findIndex((t) => t.includes("gap two"));
  step(`gap: "gap one" at ${i1}, "gap two" at ${i2}`);
  if (i1 < 0 || i1 > i2) throw new Error("the gap was not filled before showing what followed");

  const png = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==", "base64");
  await W("input[type=file]").setInputFiles({ name: "dot.png", mimeType: "image/png", buffer: png });
  await visitor.waitForFunction(() => [...document.querySelector("[data-customerservice]").shadowRoot.querySelectorAll(".msg img")].some((i) => i.src.startsWith("blob:")), null, { timeout: 10000 });
  await W("input[type=file]").setInputFiles({ name: "notes.html", mimeType: "text/html", buffer: Buffer.from("<script>alert(1)</script>") });
  await W("a.file").filter({ hasText: "notes.html" }).waitFor();
  step("upload: png inline, html as a download link");

  await visitor.evaluate(() => window.CustomerService.identify({ name: "Zed", email: "zed@example.com" }));
  step("identify() accepted");

  await hit("/debug/settings?agentsOnline=false&botEnabled=false");
  const offline = await (await browser.newContext()).newPage();
  await offline.goto(base + "/");
  await offline.click("[data-customerservice] >> css=.bubble");
  await offline.fill("[data-customerservice] >> css=input[name=email]", "late@example.com");
  await offline.fill("[data-customerservice] >> css=textarea[name=question]", "please call me back");
  await offline.click("[data-customerservice] >> css=button.primary");
  await offline.locator("[data-customerservice] >> css=.msg.mine").filter({ hasText: "please call me back" }).waitFor();
  step("offline form sent a message");
  await hit("/debug/settings?agentsOnline=true&prechat=1");
  const pre = await (await browser.newContext()).newPage();
  await pre.goto(base + "/");
  await pre.click("[data-customerservice] >> css=.bubble");
  await pre.fill("[data-customerservice] >> css=input[name=name]", "Pat");
  await pre.fill("[data-customerservice] >> css=input[name=email]", "pat@example.com");
  await pre.fill("[data-customerservice] >> css=textarea[name=question]", "where is my parcel?");
  await pre.click("[data-customerservice] >> text=Start chat");
  await pre.locator("[data-customerservice] >> css=.msg.mine").filter({ hasText: "where is my parcel?" }).waitFor();
  step("pre-chat form started a conversation");
  await pre.screenshot({ path: `${out}/widget-prechat.png` });
  await agent.goto(base + "/console/#/admin/settings");
  await agent.locator("form.settings").waitFor();
  await agent.screenshot({ path: `${out}/console-admin.png` });
  step("admin settings page renders");

  await agent.goto(base + "/console/#/inbox/c1");
  await agent.locator(".messages .msg").first().waitFor();
  await agent.fill("input[aria-label='Add label']", "vip");
  await agent.press("input[aria-label='Add label']", "Enter");
  await agent.locator(".chip").filter({ hasText: "vip" }).waitFor();
  await agent.click("button[aria-label='Remove label vip']");
  await agent.locator(".chip").filter({ hasText: "vip" }).waitFor({ state: "detached" });
  step("console: label added and removed");
  await agent.selectOption("select[aria-label=Status]", "away");
  await agent.waitForFunction(() => JSON.parse(sessionStorage.getItem("customerservice-console")).agent.status === "away");
  await agent.selectOption("select[aria-label=Status]", "online");
  step("console: status set to away and back");
  await agent.evaluate(() => (location.hash = "#/search"));
  await W("textarea").fill("are you there?");
  await W("textarea").press("Enter");
  await agent.waitForFunction(() => document.title.startsWith("(1)"), null, { timeout: 10000 });
  step(`console: unread total in the title ("${await agent.title()}")`);
  await agent.fill("input[aria-label=Search]", "parcel");
  await agent.press("input[aria-label=Search]", "Enter");
  await agent.locator(".results li").filter({ hasText: "where is my parcel?" }).waitFor();
  step("console: search finds a message");
  await agent.evaluate(() => (location.hash = "#/admin/agents"));
  await agent.click("button:has-text('Add agent')");
  await agent.fill("form.card label:has-text('Name') input", "Cy New");
  await agent.fill("form.card input[type=email]", "cy@demo.test");
  await agent.fill("form.card input[type=password]", "secret-pass");
  await agent.click("form.card button.primary");
  await agent.locator("td").filter({ hasText: "cy@demo.test" }).waitFor();
  step("console: admin created an agent");
  await agent.evaluate(() => (location.hash = "#/inbox/c1"));
  await agent.locator(".messages .msg").first().waitFor();
  await hit("/debug/drop");
  await agent.fill("textarea[aria-label=Reply]", "sent across a drop");
  await agent.keyboard.press("Enter");
  await W(".msg.theirs").filter({ hasText: "sent across a drop" }).waitFor({ timeout: 20000 });
  const across = (await hit("/debug/messages")).filter((m) => m.text === "sent across a drop").length;
  step(`console: reply sent across a dropped connection, stored ${across} time(s)`);
  if (across !== 1) throw new Error("console resend duplicated");

  const seeded = await hit("/debug/seed?n=450");
  const reader = await (await browser.newContext()).newPage();
  await reader.addInitScript((v) => localStorage.setItem("customerservice:demo", JSON.stringify({ visitorId: v, visitorToken: "stale", readSeq: 0 })), seeded.visitorId);
  await reader.goto(base + "/");
  await reader.click("[data-customerservice] >> css=.bubble");
  await reader.locator("[data-customerservice] >> text=seeded 450").waitFor();
  const count = await reader.locator("[data-customerservice] >> css=.msg").count();
  step(`widget: a returning visitor got ${count} messages through Resume pages of 200`);
  if (count !== 450) throw new Error("resume paging lost messages");

  await agent.evaluate((id) => (location.hash = `#/inbox/${id}`), seeded.conversationId);
  await agent.locator(".msg[data-seq='450']").waitFor();
  const firstPage = await agent.locator(".messages .msg").count();
  for (let i = 0; i < 12 && (await agent.locator(".msg[data-seq='1']").count()) === 0; i++) {
    await agent.locator(".messages").evaluate((el) => (el.scrollTop = 0));
    await agent.waitForTimeout(150);
  }
  await agent.locator(".msg[data-seq='1']").waitFor();
  step(`console: opened with ${firstPage} messages, scrolling up paged back to seq 1`);

  await agent.click("label.toggle:has-text('Private note')");
  await agent.fill("textarea[aria-label=Reply]", "ask @bo");
  await agent.locator(".suggestions li").filter({ hasText: "@bob" }).waitFor();
  await agent.keyboard.press("Tab");
  const completed = await agent.inputValue("textarea[aria-label=Reply]");
  step(`console: mention completed to "${completed.trim()}"`);
  if (completed.trim() !== "ask @bob") throw new Error("mention completion");
  await agent.click("label.toggle:has-text('Private note')");
  await agent.fill("textarea[aria-label=Reply]", "");
  await agent.selectOption("select[aria-label='Transfer to']", "agent:bob");
  await agent.click("button:has-text('Transfer')");
  await agent.locator(".conversation-head").filter({ hasText: "Assigned to Bob Agent" }).waitFor();
  step("console: transferred to Bob");

  await agent.evaluate(() => (location.hash = "#/inbox/c1"));
  await agent.click("button:has-text('Resolve')");
  await agent.locator(".conversation-head .status-chip.resolved").waitFor();
  await visitor.waitForTimeout(300); // let conversationUpdated reach the widget
  await W("textarea[aria-label=Message]").fill("a new topic");
  await W("textarea[aria-label=Message]").press("Enter");
  await W(".msg.mine").filter({ hasText: "a new topic" }).waitFor();
  // The old conversation's messages go once the widget has learnt about the new conversation.
  await visitor.waitForFunction(() => document.querySelector("[data-customerservice]").shadowRoot.querySelectorAll(".msg").length === 1, null, { timeout: 10000 }).catch(() => {});
  const left = await W(".msg").count();
  step(`widget followed the visitor into a new conversation (seq from 1; ${left} message(s) shown)`);
  if (left !== 1) throw new Error("old conversation still shown or new message missing");

  await hit("/debug/settings?prechat=0");
  const other = await (await browser.newContext()).newPage();
  other.on("pageerror", (e) => console.log("host page error:", e.message));
  await other.goto(base.replace("127.0.0.1", "localhost") + "/debug/host-page");
  await other.click("[data-customerservice] >> css=.bubble");
  await other.fill("[data-customerservice] >> css=textarea", "hello from another origin");
  await other.press("[data-customerservice] >> css=textarea", "Enter");
  await other.locator("[data-customerservice] >> css=.msg.mine").filter({ hasText: "another origin" }).waitFor();
  await other.waitForFunction(() => !document.querySelector("[data-customerservice]").shadowRoot.textContent.includes("Sending…"), null, { timeout: 10000 });
  const bubbleColour = await other.evaluate(() => getComputedStyle(document.querySelector("[data-customerservice]").shadowRoot.querySelector(".bubble")).backgroundColor);
  if (bubbleColour === "rgba(0, 0, 0, 0)") throw new Error("widget styles blocked by the page's CSP");
  step(`widget works embedded on another origin with a strict CSP (base url from its script src, CORS; bubble ${bubbleColour})`);

  const phone = await browser.newPage({ viewport: { width: 390, height: 740 }, isMobile: true });
  await phone.goto(base + "/");
  await phone.click("[data-customerservice] >> css=.bubble");
  await phone.screenshot({ path: `${out}/widget-mobile.png` });
  step(`screenshots in ${out}`);
} finally {
  await browser.close();
}
