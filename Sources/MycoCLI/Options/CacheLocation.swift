import Foundation
import MycoKnowledge

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Where `myco` keeps its compiled rule-base cache, and which build it is.
enum CacheLocation {
  /// The cache for this `myco` build in `$XDG_CACHE_HOME/myco` (else `~/.cache/myco`); nil without a home.
  static func cache() -> AdvisorCache? {
    AdvisorCache.defaultDirectory().map { AdvisorCache(directory: $0, buildID: buildID) }
  }

  /// Myco's version and the running executable's identity (device, inode, size, modification time):
  /// a rebuilt or reinstalled `myco` never reads the cache of another build.
  static var buildID: String {
    var status = stat()
    let executable = Folders.executable.path
    guard stat(executable, &status) == 0 else { return "\(Myco.version) \(executable)" }
    return
      "\(Myco.version) \(executable) \(status.st_dev) \(status.st_ino) \(status.st_size) "
      + "\(status.st_mtim.tv_sec).\(status.st_mtim.tv_nsec)"
  }
}
