/**
 * New-message alerts: a browser notification and a short beep made with WebAudio (no audio files to serve).
 * Browsers allow both only after a user gesture, so `enable()` is called from a click.
 */
let audio: AudioContext | undefined;

export function notificationsWanted(): boolean {
  return "Notification" in window && Notification.permission === "default";
}

/** Call from a click: asks for notification permission and unlocks audio. */
export async function enableAlerts(): Promise<void> {
  unlockAudio();
  if ("Notification" in window && Notification.permission === "default") await Notification.requestPermission();
}

export function unlockAudio(): void {
  try {
    audio ??= new AudioContext();
    if (audio.state === "suspended") void audio.resume();
  } catch {
    /* no WebAudio: alerts stay silent */
  }
}

export function beep(): void {
  if (!audio || audio.state !== "running") return;
  const osc = audio.createOscillator();
  const gain = audio.createGain();
  osc.type = "sine";
  osc.frequency.value = 880;
  const t = audio.currentTime;
  gain.gain.setValueAtTime(0.0001, t);
  gain.gain.exponentialRampToValueAtTime(0.2, t + 0.02);
  gain.gain.exponentialRampToValueAtTime(0.0001, t + 0.25);
  osc.connect(gain).connect(audio.destination);
  osc.start(t);
  osc.stop(t + 0.3);
}

/** A notification whose body is plain text (the Notification API never renders HTML). */
export function notify(title: string, body: string, onClick: () => void): void {
  beep();
  if (!("Notification" in window) || Notification.permission !== "granted") return;
  const n = new Notification(title, { body: body.slice(0, 140), tag: "customerservice" });
  n.onclick = () => {
    window.focus();
    onClick();
    n.close();
  };
}
