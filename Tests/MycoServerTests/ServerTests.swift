import Testing
import HummingbirdTesting
@testable import MycoServer

