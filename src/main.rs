fn main() {
    storyline::mount::page::start();
}
