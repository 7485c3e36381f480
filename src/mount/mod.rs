pub mod crash;
pub mod page;
pub mod widget;
