import Foundation
import MycoCalendar
import MycoDiagnostics

/// Batch id → inoculation day, looked up by the id's UTF-8 bytes.
///
/// The import looks up every harvest's batch; with this table it does so straight from the
/// CSV bytes (no `String` per row, no Unicode-aware hashing). Open addressing, FNV-1a hashes,
/// ids kept once in one byte array.
struct BatchDates {
  private struct Entry {
    var start: Int
    var count: Int
    var hash: UInt64
    var date: CalendarDate
  }

  private var ids: [UInt8] = []
  private var entries: [Entry] = []
  /// Index into `entries` + 1; 0 is an empty slot. Its count is a power of two.
  private var slots = [Int32](repeating: 0, count: 64)

  /// Number of batches.
  var count: Int { entries.count }

  /// The inoculation day of the batch with this id.
  func date(_ id: UnsafeBufferPointer<UInt8>) -> CalendarDate? {
    let hash = Self.hash(id)
    let mask = slots.count - 1
    var slot = Int(truncatingIfNeeded: hash) & mask
    return ids.withUnsafeBufferPointer { stored in
      while true {
        let found = Int(slots[slot])
        if found == 0 { return nil }
        let entry = entries[found - 1]
        if entry.hash == hash, entry.count == id.count,
          id.isEmpty || memcmp(stored.baseAddress! + entry.start, id.baseAddress!, id.count) == 0
        {
          return entry.date
        }
        slot = (slot + 1) & mask
      }
    }
  }

  /// The inoculation day of the batch with this id.
  func date(_ id: String) -> CalendarDate? {
    var id = id
    return id.withUTF8 { date($0) }
  }

  /// Sets (adds or replaces) a batch's inoculation day.
  mutating func set(_ id: String, _ date: CalendarDate) {
    var id = id
    id.withUTF8 { set($0, date) }
  }

  private mutating func set(_ id: UnsafeBufferPointer<UInt8>, _ date: CalendarDate) {
    let hash = Self.hash(id)
    let mask = slots.count - 1
    var slot = Int(truncatingIfNeeded: hash) & mask
    while slots[slot] != 0 {
      let index = Int(slots[slot]) - 1
      let entry = entries[index]
      if entry.hash == hash, entry.count == id.count,
        ids[entry.start..<entry.start + entry.count].elementsEqual(id)
      {
        entries[index].date = date
        return
      }
      slot = (slot + 1) & mask
    }
    entries.append(Entry(start: ids.count, count: id.count, hash: hash, date: date))
    ids.append(contentsOf: id)
    slots[slot] = Int32(entries.count)
    if entries.count * 2 > slots.count { grow() }
  }

  private mutating func grow() {
    slots = [Int32](repeating: 0, count: slots.count * 2)
    let mask = slots.count - 1
    for (index, entry) in entries.enumerated() {
      var slot = Int(truncatingIfNeeded: entry.hash) & mask
      while slots[slot] != 0 { slot = (slot + 1) & mask }
      slots[slot] = Int32(index + 1)
    }
  }

  private static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    for byte in bytes {
      hash = (hash ^ UInt64(byte)) &* 0x0100_0000_01b3
    }
    // FNV-1a's low bits are poor for short ids that differ in the last digits only, and the
    // mask keeps only low bits: finish with MurmurHash3's 64-bit mixer.
    hash ^= hash >> 33
    hash = hash &* 0xff51_afd7_ed55_8ccd
    hash ^= hash >> 33
    hash = hash &* 0xc4ce_b9fe_1a85_ec53
    return hash ^ (hash >> 33)
  }
}

extension BatchDates {
  /// The problem with a harvest against the known batches: its batch is not recorded, or it
  /// was picked before the batch was inoculated. Nil when it is fine.
  func problem(with record: SourcedRecord<Harvest>) -> Diagnostic? {
    let harvest = record.value
    guard let inoculated = date(harvest.batchID) else {
      return record.problem("batch_id", "no batch \"\(harvest.batchID)\" is recorded")
    }
    guard harvest.harvestedOn < inoculated else { return nil }
    return record.problem(
      "harvested_on", "\(harvest.harvestedOn) is before batch \(harvest.batchID) was inoculated on \(inoculated)")
  }
}
