//! Ids of the entities of a site: their position in the model's lists, one type per
//! kind of entity, so that an organisation's id cannot be used where a theme's is
//! meant. A list of entities is indexed by its kind's id (`site.organisations[id]`).

/// What every kind of id can do (for code that works with any kind).
pub trait Id: Copy + Eq {
    fn new(i: usize) -> Self;
}

macro_rules! id {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
        pub struct $name(u32);

        impl $name {
            /// The id of the entity at position `i` of its list.
            pub fn new(i: usize) -> Self {
                $name(u32::try_from(i).expect("fewer than 4 billion entities"))
            }

            /// The entity's position in its list.
            pub fn index(self) -> usize {
                self.0 as usize
            }

            /// The ids of a list of `n` entities, in order.
            pub fn all(n: usize) -> impl DoubleEndedIterator<Item = Self> + ExactSizeIterator {
                (0..n).map(Self::new)
            }
        }

        impl Id for $name {
            fn new(i: usize) -> Self {
                $name::new(i)
            }
        }

        impl<T> std::ops::Index<$name> for Vec<T> {
            type Output = T;
            fn index(&self, i: $name) -> &T {
                &self[i.index()]
            }
        }

        impl<T> std::ops::IndexMut<$name> for Vec<T> {
            fn index_mut(&mut self, i: $name) -> &mut T {
                &mut self[i.index()]
            }
        }

        impl<T> std::ops::Index<$name> for [T] {
            type Output = T;
            fn index(&self, i: $name) -> &T {
                &self[i.index()]
            }
        }
    };
}

id!(
    /// An organisation: its position in `Site::organisations`.
    OrganisationId
);
id!(
    /// A theme: its position in `Site::themes`.
    ThemeId
);
id!(
    /// A network: its position in `Site::networks`.
    NetworkId
);
id!(
    /// A partnership table: its position in `Site::tables`.
    TableId
);
id!(
    /// A municipality: its position in `Municipalities::list`.
    MunicipalityId
);
id!(
    /// A region (maakunta): its position in `Municipalities::regions`.
    RegionId
);
id!(
    /// An event: its position in `Site::events`.
    EventId
);
