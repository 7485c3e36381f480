pub mod page;
pub mod widget;
