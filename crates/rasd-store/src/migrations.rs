//! Schema migrations, embedded in the binary.
//!
//! Files live in `crates/rasd-store/migrations/` as `NNNN_name.sql` when both backends take
//! the same SQL, or as a `NNNN_name.sqlite.sql` + `NNNN_name.postgres.sql` pair where
//! they differ. Each backend records what it applied in `rasd_migrations`; a database
//! whose highest version is above [`LATEST`] was written by a newer rasd and is refused
//! rather than misread.

/// One schema step.
#[derive(Debug, Clone, Copy)]
pub struct Migration {
    /// Sequence number; applied in order, each once.
    pub version: i64,
    /// Short name (the file name's middle part).
    pub name: &'static str,
    /// SQL for SQLite.
    pub sqlite: &'static str,
    /// SQL for PostgreSQL.
    pub postgres: &'static str,
}

/// Every migration, in order. A test checks this list against the folder.
pub const MIGRATIONS: &[Migration] = &[
    Migration {
        version: 1,
        name: "record",
        sqlite: include_str!("../migrations/0001_record.sqlite.sql"),
        postgres: include_str!("../migrations/0001_record.postgres.sql"),
    },
    Migration {
        version: 2,
        name: "side_evidence",
        sqlite: include_str!("../migrations/0002_side_evidence.sql"),
        postgres: include_str!("../migrations/0002_side_evidence.sql"),
    },
    Migration {
        version: 3,
        name: "read_order",
        sqlite: include_str!("../migrations/0003_read_order.sqlite.sql"),
        postgres: include_str!("../migrations/0003_read_order.postgres.sql"),
    },
];

/// Highest version this build knows.
pub const LATEST: i64 = 3;

/// The table both backends keep their history in.
pub(crate) const HISTORY_TABLE: &str = "CREATE TABLE IF NOT EXISTS rasd_migrations (
    version    BIGINT PRIMARY KEY,
    name       TEXT NOT NULL,
    applied_at BIGINT NOT NULL
)";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_list_matches_the_folder() {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/migrations");
        let mut files: Vec<String> = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .filter(|n| n.ends_with(".sql"))
            .collect();
        files.sort();
        let mut expected = Vec::new();
        for m in MIGRATIONS {
            let stem = format!("{:04}_{}", m.version, m.name);
            if m.sqlite == m.postgres {
                expected.push(format!("{stem}.sql"));
            } else {
                expected.push(format!("{stem}.postgres.sql"));
                expected.push(format!("{stem}.sqlite.sql"));
            }
        }
        expected.sort();
        assert_eq!(files, expected, "every migration file must be listed in MIGRATIONS");
        assert_eq!(MIGRATIONS.last().map(|m| m.version), Some(LATEST));
        for (i, m) in MIGRATIONS.iter().enumerate() {
            assert_eq!(m.version, i as i64 + 1, "versions are consecutive from 1");
        }
    }
}
