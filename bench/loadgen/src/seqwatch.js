// One client's view of one conversation's seq numbers, as the widget's SeqTracker keeps it: push is best effort
// (DESIGN.md section 3), so a seq seen above a hole means a message was missed and the client calls Resume.
// Every seq the client learns counts: pushed messages of either side, its own echoes and its own acks.

export class SeqWatch {
  constructor() {
    /** every seq up to here is known to this client */
    this.contiguous = 0;
    /** seqs known above contiguous (a hole lies below the lowest of them) */
    this.above = new Set();
  }

  /** Records a seq; returns true when a hole lies below the highest seq known. */
  see(seq) {
    if (!Number.isInteger(seq) || seq <= this.contiguous) return this.hasGap;
    this.above.add(seq);
    while (this.above.delete(this.contiguous + 1)) this.contiguous++;
    return this.hasGap;
  }

  get hasGap() {
    return this.above.size > 0;
  }

  /** The highest seq known: Resume(highest) after a reconnect fetches what came since. */
  get highest() {
    let max = this.contiguous;
    for (const s of this.above) if (s > max) max = s;
    return max;
  }

  /**
   * The pages of a Resume(contiguous) arrived. The server is the authority for the range it returned: a seq it did
   * not return below its highest is not for this reader (e.g. a private note), so the hole up to there is closed.
   * Seqs known above that range stay known; a hole below them remains, and the next Resume looks again. A Resume that
   * returned nothing says nothing lies after contiguous for this reader: the holes are closed.
   * @param {number[]} seqs what the pages returned
   */
  resumed(seqs) {
    if (seqs.length === 0) {
      this.contiguous = this.highest;
      this.above.clear();
      return;
    }
    for (const s of seqs) if (Number.isInteger(s) && s > this.contiguous) this.contiguous = s;
    for (const s of this.above) if (s <= this.contiguous) this.above.delete(s);
    while (this.above.delete(this.contiguous + 1)) this.contiguous++;
  }
}
