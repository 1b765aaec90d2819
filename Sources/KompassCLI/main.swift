import Foundation

exit(Commands.main(CommandLine.arguments).rawValue)
