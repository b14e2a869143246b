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
  const phone = await browser.newPage({ viewport: { width: 390, height: 740 }, isMobile: true });
  await phone.goto(base + "/");
  await phone.click("[data-customerservice] >> css=.bubble");
  await phone.screenshot({ path: `${out}/widget-mobile.png` });
  step(`screenshots in ${out}`);
} finally {
  await browser.close();
}
