extension Project {
    /// The plain-text fields of a project, for rules that check every text alike.
    var textFields: [(field: ProjectField, text: String)] {
        [(.title, title), (.before, before), (.future, future)]
    }
}
