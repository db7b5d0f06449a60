/**
 * Counts DynamoDB requests and the capacity units they consume, the way AWS bills them.
 * Every request asks for `ReturnConsumedCapacity: TOTAL`; benchmarks and tests read the sums.
 */
export interface MeterReading {
  requests: number;
  readUnits: number;
  writeUnits: number;
  byCommand: Record<string, number>;
}

export class Meter {
  private reading: MeterReading = Meter.zero();

  static zero(): MeterReading {
    return { requests: 0, readUnits: 0, writeUnits: 0, byCommand: {} };
  }

  record(command: string, capacity: unknown): void {
    this.reading.requests += 1;
    this.reading.byCommand[command] = (this.reading.byCommand[command] ?? 0) + 1;

    const list = Array.isArray(capacity) ? capacity : capacity ? [capacity] : [];
    for (const entry of list as Array<Record<string, number | undefined>>) {
      const read = entry.ReadCapacityUnits ?? 0;
      const write = entry.WriteCapacityUnits ?? 0;
      // DynamoDB Local reports only CapacityUnits; attribute it by the kind of command.
      const total = entry.CapacityUnits ?? read + write;
      if (read || write) {
        this.reading.readUnits += read;
        this.reading.writeUnits += write;
      } else if (/^(Put|Update|Delete|BatchWrite|TransactWrite)/.test(command)) {
        this.reading.writeUnits += total;
      } else {
        this.reading.readUnits += total;
      }
    }
  }

  reset(): void {
    this.reading = Meter.zero();
  }

  read(): MeterReading {
    return { ...this.reading, byCommand: { ...this.reading.byCommand } };
  }
}
